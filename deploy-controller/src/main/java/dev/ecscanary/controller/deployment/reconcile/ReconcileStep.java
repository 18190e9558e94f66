package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.store.DeploymentWrites;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.revision.ServiceCatalog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One look at one deployment in flight: a dispatch on its status to the starter, the progress watcher or the rollback
 * follower, and every path writes the deployment back in one place, once.
 */
@Component
class ReconcileStep {

    private static final Logger log = LoggerFactory.getLogger(ReconcileStep.class);

    private final ServiceCatalog catalog;
    private final DeploymentStarter starter;
    private final ProgressWatcher progress;
    private final RollbackFollower rollback;
    private final DeploymentWrites writes;
    private final DeploymentMetrics metrics;
    private final Clock clock;

    ReconcileStep(
            ServiceCatalog catalog,
            DeploymentStarter starter,
            ProgressWatcher progress,
            RollbackFollower rollback,
            DeploymentWrites writes,
            DeploymentMetrics metrics,
            Clock clock) {
        this.catalog = catalog;
        this.starter = starter;
        this.progress = progress;
        this.rollback = rollback;
        this.writes = writes;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param alarms this tick's alarm readings, which may say that CloudWatch could not be read
     * @param reads  this tick's reads of CodeDeploy deployments
     */
    void reconcile(Deployment d, AlarmReadings alarms, CodeDeployReads reads) {
        DeploymentStatus before = d.status();
        ReleasableService service = catalog.find(d.service()).orElse(null);
        if (service == null) {
            d.finish(DeploymentStatus.FAILED, "Service '" + d.service() + "' is no longer configured", clock.instant());
        } else {
            try {
                switch (d.status()) {
                    case PENDING -> starter.advance(d, service);
                    case IN_PROGRESS -> progress.watch(d, service, alarms, reads);
                    case ROLLING_BACK -> rollback.follow(d, service, reads);
                    default -> {}
                }
                d.awsProblem(
                        !alarms.readable() && d.isInFlight() ? "CloudWatch alarms could not be read" : null,
                        clock.instant());
            } catch (AwsUnavailableException e) {
                d.awsProblem(e.getMessage(), clock.instant());
            }
        }
        if (d.hasUnsavedChanges()) {
            writes.save(d);
        }
        if (d.status() != before) {
            log.info("Deployment {} -> {}", before, d.status());
            metrics.transition(d, before);
        }
    }
}

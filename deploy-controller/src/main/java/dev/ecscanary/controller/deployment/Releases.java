package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.reconcile.DeploymentMetrics;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.deployment.reconcile.StopCaller;
import dev.ecscanary.controller.deployment.store.DeploymentQueries;
import dev.ecscanary.controller.deployment.store.DeploymentWrites;
import dev.ecscanary.controller.deployment.store.IdempotencyRaceException;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.revision.ServiceCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What the API can do with releases: start one, look at them, roll one back. */
@Service
public class Releases {

    private final ServiceCatalog catalog;
    private final Preflight preflight;
    private final DeploymentQueries queries;
    private final DeploymentWrites writes;
    private final Reconciler reconciler;
    private final StopCaller stopCaller;
    private final DeploymentMetrics metrics;
    private final Clock clock;
    private final AnalysisProperties analysis;

    Releases(
            ServiceCatalog catalog,
            Preflight preflight,
            DeploymentQueries queries,
            DeploymentWrites writes,
            Reconciler reconciler,
            StopCaller stopCaller,
            DeploymentMetrics metrics,
            Clock clock,
            AnalysisProperties analysis) {
        this.catalog = catalog;
        this.preflight = preflight;
        this.queries = queries;
        this.writes = writes;
        this.reconciler = reconciler;
        this.stopCaller = stopCaller;
        this.metrics = metrics;
        this.clock = clock;
        this.analysis = analysis;
    }

    /**
     * Accepts a release after the pre-flight checks and hands it to the reconciler.
     *
     * @param idempotencyKey optional; with {@code requestHash}, makes a retried request answer with the first one's deployment
     * @throws UnknownServiceException     when the service is not configured
     * @throws dev.ecscanary.controller.revision.ReleaseNotAllowedException when the image or environment is not allowed for the service
     * @throws ServiceBusyException        when the service has a release in flight
     * @throws PreflightRefusal            when the release could not be carried out or judged
     * @throws IdempotencyConflictException when the key was used with another request
     */
    public Accepted accept(ReleaseRequest request, String idempotencyKey, String requestHash) {
        if (idempotencyKey != null) {
            Optional<Accepted> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        ReleasableService service =
                catalog.find(request.service()).orElseThrow(() -> new UnknownServiceException(request.service()));
        service.checkAllowed(request.image());
        service.checkEnvironment(request.environment());
        queries.findInFlight(service.name()).ifPresent(d -> {
            throw new ServiceBusyException(service.name(), d.id());
        });
        preflight.check(service);
        Deployment d = Deployment.accept(request, analysis.inconclusivePolicy(), clock.instant());
        try {
            writes.insert(d, idempotencyKey, requestHash);
        } catch (IdempotencyRaceException e) {
            return replay(idempotencyKey, requestHash).orElseThrow(() -> e);
        }
        metrics.accepted();
        reconciler.reconcileSoon(d.id());
        return new Accepted(d, false);
    }

    private Optional<Accepted> replay(String key, String requestHash) {
        return queries.findIdempotencyKey(key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new IdempotencyConflictException(key);
            }
            return new Accepted(queries.find(stored.deploymentId()).orElseThrow(), true);
        });
    }

    /** An accepted release; {@code replayed} when an idempotency key answered with an earlier request's deployment. */
    public record Accepted(Deployment deployment, boolean replayed) {}

    public Optional<Deployment> find(UUID id) {
        return queries.find(id);
    }

    /** The service's release in flight, with its history, if any. */
    public Optional<Deployment> inFlight(String service) {
        return queries.findInFlightWithHistory(service);
    }

    /** The image the service's last successful release through this controller put live, if any. */
    public Optional<String> currentImage(String service) {
        return queries.lastSucceededImage(service);
    }

    public List<Deployment> list(String service, DeploymentStatus status, int limit) {
        return queries.list(service, status, 0, limit);
    }

    /** Newest first, {@code offset} skipped: one page of a service's history. */
    public List<Deployment> list(String service, DeploymentStatus status, int offset, int limit) {
        return queries.list(service, status, offset, limit);
    }

    /**
     * An operator's rollback: the same single stop as an alarm's.
     *
     * @throws DeploymentFinishedException when the release has already finished
     */
    public Deployment rollBack(UUID id, String operator) {
        return reconciler.change(id, d -> {
            if (d.status().isTerminal()) {
                throw new DeploymentFinishedException(d);
            }
            if (d.stopState() != StopState.NONE || d.status() == DeploymentStatus.ROLLING_BACK) {
                return; // already rolling back: nothing more to send
            }
            if (d.codeDeployDeploymentId() == null) {
                d.finish(
                        DeploymentStatus.FAILED,
                        "Cancelled by " + operator + " before CodeDeploy started it",
                        clock.instant());
                return;
            }
            stopCaller.stop(d, "Rolled back by " + operator + " at " + d.trafficPercent() + "% traffic", null);
        });
    }
}

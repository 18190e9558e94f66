package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.StopState;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.CodeDeployStatus;
import dev.ecscanary.controller.traffic.ServiceTopology;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Follows a ROLLING_BACK release to its end: confirms that the stop took, finds CodeDeploy's rollback deployment,
 * waits for it (keeping its lifecycle events apart from the release's own), and calls the release ROLLED_BACK only once
 * the load balancer sends all traffic to the original.
 */
@Component
class RollbackFollower {

    private final ServiceTopology topology;
    private final StopCaller stopCaller;
    private final ReconcilerProperties properties;
    private final Clock clock;

    RollbackFollower(ServiceTopology topology, StopCaller stopCaller, ReconcilerProperties properties, Clock clock) {
        this.topology = topology;
        this.stopCaller = stopCaller;
        this.properties = properties;
        this.clock = clock;
    }

    void follow(Deployment d, ReleasableService service, CodeDeployReads reads) {
        if (d.rollbackDeploymentId() == null) {
            CodeDeploySnapshot original = reads.withTargetIfReadable(d.codeDeployDeploymentId(), service.ecsTargetId());
            d.lifecycleEventsSeen(original.lifecycleEvents());
            if (!stopSettled(d, original)) {
                return;
            }
            d.rollbackDeploymentSeen(original.rollbackDeploymentId(), clock.instant());
            if (d.rollbackDeploymentId() == null) {
                giveUpIfNoRollbackComes(d, original, service);
                return;
            }
        }
        // its own lifecycle is what a person watches while rolling back; a target that cannot be read keeps the last
        // seen
        CodeDeploySnapshot rollback = reads.withTargetIfReadable(d.rollbackDeploymentId(), service.ecsTargetId());
        d.rollbackLifecycleEventsSeen(rollback.lifecycleEvents());
        Optional<Integer> onOriginal = onOriginal(d, service);
        onOriginal.ifPresent(p -> d.trafficObserved(100 - p, clock.instant()));
        switch (rollback.status()) {
            case SUCCEEDED -> {
                if (onOriginal.isEmpty()) {
                    finishUnverified(d);
                } else if (onOriginal.get() == 100) {
                    d.trafficObserved(0, clock.instant());
                    d.finish(DeploymentStatus.ROLLED_BACK, null, clock.instant());
                }
            }
            case FAILED, STOPPED ->
                d.finish(
                        DeploymentStatus.FAILED,
                        d.reason() + "; then the rollback deployment "
                                + rollback.deploymentId() + " "
                                + rollback.status().name().toLowerCase()
                                + (rollback.errorCode() == null
                                        ? ""
                                        : " (" + rollback.errorCode() + ": " + rollback.errorMessage() + ")")
                                + ": traffic may not be back on the original version",
                        clock.instant());
            default -> {} // still rolling back
        }
    }

    private Optional<Integer> onOriginal(Deployment d, ReleasableService service) {
        return topology.of(service).flatMap(where -> topology.percentOn(where, d.originalTargetGroup()));
    }

    /** No traffic step ever put production traffic on the replacement. */
    private static boolean neverServedUsers(Deployment d) {
        return d.phases().stream().allMatch(p -> p.trafficPercent() == 0);
    }

    /** CodeDeploy's rollback succeeded but the listener cannot say where traffic goes: rolled back on its word, saying so. */
    private void finishUnverified(Deployment d) {
        Instant now = clock.instant();
        d.record(
                now,
                EventType.UNVERIFIED,
                "CodeDeploy's rollback succeeded; the production listener's weights could"
                        + " not be read to confirm that all traffic is back on the original version");
        d.trafficObserved(0, now);
        d.finish(
                DeploymentStatus.ROLLED_BACK,
                d.reason() + "; all traffic back on the original according to CodeDeploy (not confirmed on the load"
                        + " balancer: its listener could not be read)",
                now);
    }

    /** True once the outcome of our stop is known; re-sends a stop that never reached CodeDeploy. */
    private boolean stopSettled(Deployment d, CodeDeploySnapshot original) {
        if (d.stopState() == StopState.REQUESTED) {
            Instant now = clock.instant();
            if (original.status() == CodeDeployStatus.STOPPED || original.status() == CodeDeployStatus.FAILED) {
                d.stopAnswered(StopState.ACCEPTED, "CodeDeploy shows the deployment " + original.status(), now);
            } else if (original.status() == CodeDeployStatus.SUCCEEDED) {
                d.stopAnswered(StopState.ALREADY_COMPLETED, "CodeDeploy completed the deployment before the stop", now);
            } else if (now.isAfter(d.stopRequestedAt().plus(properties.stopConfirmWait()))) {
                d.record(
                        now,
                        EventType.STOP_RESENT,
                        "No stop seen on CodeDeploy " + properties.stopConfirmWait()
                                + " after it was requested; the request never arrived, sending it again");
                stopCaller.send(d);
                return false;
            } else {
                return false;
            }
        }
        if (d.stopState() == StopState.ALREADY_COMPLETED && original.status() == CodeDeployStatus.SUCCEEDED) {
            d.finish(
                    DeploymentStatus.FAILED,
                    d.reason() + "; but CodeDeploy had already completed the release, so"
                            + " the new version is live: release the previous image to go back",
                    clock.instant());
            return false;
        }
        return true;
    }

    private void giveUpIfNoRollbackComes(Deployment d, CodeDeploySnapshot original, ReleasableService service) {
        Instant ended = original.completeTime();
        if (original.status().isFinished()
                && ended != null
                && clock.instant().isAfter(ended.plus(properties.stopConfirmWait()))) {
            if (neverServedUsers(d) && onOriginal(d, service).orElse(0) == 100) {
                // e.g. CodeDeploy's ready wait ran out during the pre-traffic check: nothing to roll back
                d.trafficObserved(0, clock.instant());
                d.finish(
                        DeploymentStatus.ROLLED_BACK,
                        d.reason() + "; no user traffic ever reached it, and all traffic is verified on the"
                                + " original (CodeDeploy made no rollback deployment)",
                        clock.instant());
                return;
            }
            d.finish(
                    DeploymentStatus.FAILED,
                    d.reason() + "; CodeDeploy made no rollback deployment (is automatic"
                            + " rollback enabled on the deployment group?)",
                    clock.instant());
        }
    }
}

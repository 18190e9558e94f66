package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.deployment.StopState;
import dev.ecscanary.controller.deployment.store.DeploymentSaver;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import dev.ecscanary.controller.traffic.StopOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Makes the one StopDeployment call of a deployment. The decision is saved before the call, so a controller that
 * dies mid-call knows on restart that a stop may have reached CodeDeploy, and does not send another until
 * CodeDeploy has had time to show it (see {@link RollbackFollower}).
 */
@Component
public class StopCaller {

    private final BlueGreenDeployer deployer;
    private final DeploymentSaver saver;
    private final Clock clock;
    private final MeterRegistry meters;

    StopCaller(BlueGreenDeployer deployer, DeploymentSaver saver, Clock clock, MeterRegistry meters) {
        this.deployer = deployer;
        this.saver = saver;
        this.clock = clock;
        this.meters = meters;
    }

    /** Records the decision to stop, saves it, then calls StopDeployment. */
    public void stop(Deployment d, String why, Instant alarmChangedAt) {
        d.stopRequested(why, alarmChangedAt, clock.instant());
        d.endCurrentPhase(clock.instant(), PhaseOutcome.ROLLED_BACK);
        saver.save(d);
        send(d);
    }

    /** Sends the stop whose decision is already saved; used again only when the first call never reached CodeDeploy. */
    void send(Deployment d) {
        meters.counter("controller.deployments.stop.calls").increment();
        try {
            StopOutcome outcome = deployer.stopAndRollBack(d.codeDeployDeploymentId());
            if (outcome.alreadyCompleted()) {
                d.stopAnswered(
                        StopState.ALREADY_COMPLETED,
                        "CodeDeploy had already completed the deployment: " + outcome.message(),
                        clock.instant());
            } else {
                d.stopAnswered(
                        StopState.ACCEPTED,
                        "CodeDeploy accepted the stop with rollback (" + outcome.status()
                                + (outcome.message() == null ? "" : ": " + outcome.message()) + ")",
                        clock.instant());
            }
        } catch (AwsUnavailableException e) {
            d.record(
                    clock.instant(),
                    EventType.STOP_UNANSWERED,
                    "StopDeployment got no answer (" + e.getMessage() + "); watching CodeDeploy for the stop");
        } catch (AwsRequestRejectedException e) {
            d.finish(
                    DeploymentStatus.FAILED,
                    d.reason() + "; but CodeDeploy rejected StopDeployment (" + e.errorCode()
                            + "): the release needs a person",
                    clock.instant());
        }
    }
}

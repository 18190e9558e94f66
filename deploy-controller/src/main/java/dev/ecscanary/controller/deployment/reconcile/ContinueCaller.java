package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.PreTraffic.ContinueState;
import dev.ecscanary.controller.deployment.store.DeploymentSaver;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import dev.ecscanary.controller.traffic.CodeDeployStatus;
import dev.ecscanary.controller.traffic.ContinueOutcome;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Makes the ContinueDeployment(READY_WAIT) that lets production traffic onto a replacement that passed its pre-traffic
 * check. Like the stop, the decision is saved before the call; an answer that never came is settled by what CodeDeploy
 * shows next: a deployment that left READY_WAIT took it, one still waiting is asked again (a second ContinueDeployment
 * on a deployment that already moved on is refused as not ready, and changes nothing).
 */
@Component
class ContinueCaller {

    private final BlueGreenDeployer deployer;
    private final DeploymentSaver saver;
    private final Clock clock;

    ContinueCaller(BlueGreenDeployer deployer, DeploymentSaver saver, Clock clock) {
        this.deployer = deployer;
        this.saver = saver;
        this.clock = clock;
    }

    /** Records the decision to let traffic in, saves it, then calls ContinueDeployment. */
    void letTrafficIn(Deployment d) {
        d.continueRequested(clock.instant());
        saver.save(d);
        send(d);
    }

    /**
     * Settles a ContinueDeployment whose answer is not known, from CodeDeploy's status this tick: confirmed once the
     * deployment has left READY_WAIT, sent again while it still waits.
     */
    void settle(Deployment d, CodeDeployStatus status) {
        if (d.preTraffic() == null || d.preTraffic().continueState() != ContinueState.REQUESTED) {
            return;
        }
        if (status == CodeDeployStatus.READY) {
            send(d);
        } else if (!status.isFinished()) {
            d.continueAccepted("CodeDeploy shows the deployment " + status + ": it left READY_WAIT", clock.instant());
        }
    }

    private void send(Deployment d) {
        try {
            ContinueOutcome outcome = deployer.continueToProduction(d.codeDeployDeploymentId());
            switch (outcome) {
                case CONTINUED ->
                    d.continueAccepted(
                            "CodeDeploy took ContinueDeployment(READY_WAIT): production traffic starts moving",
                            clock.instant());
                case NOT_READY ->
                    d.record(
                            clock.instant(),
                            EventType.CONTINUE_UNANSWERED,
                            "CodeDeploy says the deployment is not in READY_WAIT; its status next tick settles it");
                case ALREADY_COMPLETED ->
                    d.record(
                            clock.instant(),
                            EventType.CONTINUE_UNANSWERED,
                            "CodeDeploy says the deployment already ended; its status next tick says how");
            }
        } catch (AwsUnavailableException e) {
            d.record(
                    clock.instant(),
                    EventType.CONTINUE_UNANSWERED,
                    "ContinueDeployment got no answer (" + e.getMessage() + "); asking CodeDeploy again next tick");
        } catch (AwsRequestRejectedException e) {
            d.finish(
                    DeploymentStatus.FAILED,
                    "The pre-traffic check passed, but " + e.getMessage() + ": the release needs a person",
                    clock.instant());
        }
    }
}

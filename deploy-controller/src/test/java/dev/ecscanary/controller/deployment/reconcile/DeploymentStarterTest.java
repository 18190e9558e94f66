package dev.ecscanary.controller.deployment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.fakes.FakeEcs;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.traffic.NewDeployment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A release that could not be started in time is given up, but never while CodeDeploy may be deploying it. */
class DeploymentStarterTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final StepRig rig = new StepRig();
    private final DeploymentStarter starter = new DeploymentStarter(
            new FakeEcs(),
            rig.codeDeploy,
            rig.saver,
            new ReconcilerProperties(Duration.ofSeconds(5), 4, StepRig.STOP_CONFIRM_WAIT, START_TIMEOUT),
            rig.clock);

    /** A release whose CreateDeployment was sent (and saved as sent) but whose answer never came back. */
    private Deployment createSentAnswerLost(boolean codeDeployHasIt) {
        Deployment d = Deployment.accept(
                new ReleaseRequest(
                        "demo-app", ImageReference.parse(StepRig.REPOSITORY + ":2.0.0"), null, null, null, null, "ci"),
                InconclusivePolicy.ROLL_BACK,
                rig.clock.instant());
        d.taskDefinitionRegistered(
                "arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7", rig.clock.instant());
        d.createRequested(rig.clock.instant());
        if (codeDeployHasIt) {
            rig.codeDeploy.createDeployment(
                    new NewDeployment("ecs-canary", "demo-app", null, "{}", "sha", DeploymentStarter.description(d)));
        }
        return d;
    }

    @Test
    void pastTheTimeoutAnAwsOutageKeepsTheReleasePendingAndTheNextLookFindsItsDeployment() {
        Deployment d = createSentAnswerLost(true);
        rig.clock.advance(START_TIMEOUT.plusMinutes(5));
        rig.codeDeploy.unavailable("ListDeployments", 1);

        assertThatThrownBy(() -> starter.advance(d, rig.service)).isInstanceOf(AwsUnavailableException.class);
        assertThat(d.status()).as("not given up without finding out").isEqualTo(DeploymentStatus.PENDING);

        starter.advance(d, rig.service);

        assertThat(d.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(d.codeDeployDeploymentId()).isEqualTo(rig.codeDeploy.lastDeploymentId());
        assertThat(d.events()).extracting(DeploymentEvent::type).contains(EventType.CODEDEPLOY_FOUND);
        assertThat(rig.codeDeploy.created()).as("no second CreateDeployment").hasSize(1);
    }

    @Test
    void pastTheTimeoutAReleaseCodeDeployNeverGotFailsSayingSo() {
        Deployment d = createSentAnswerLost(false);
        rig.clock.advance(START_TIMEOUT.plusMinutes(5));

        starter.advance(d, rig.service);

        assertThat(d.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(d.reason()).isEqualTo("Could not start within PT10M; CodeDeploy has no deployment of it");
        assertThat(rig.codeDeploy.created()).isEmpty();
    }

    @Test
    void pastTheTimeoutAReleaseThatNeverSentCreateDeploymentFailsWithoutAsking() {
        Deployment d = Deployment.accept(
                new ReleaseRequest(
                        "demo-app", ImageReference.parse(StepRig.REPOSITORY + ":2.0.0"), null, null, null, null, "ci"),
                InconclusivePolicy.ROLL_BACK,
                rig.clock.instant());
        rig.clock.advance(START_TIMEOUT.plusMinutes(5));

        starter.advance(d, rig.service);

        assertThat(d.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(d.reason()).isEqualTo("Could not start within PT10M");
        assertThat(rig.codeDeploy.calls("ListDeployments")).isZero();
    }
}

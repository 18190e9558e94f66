package dev.ecscanary.controller.deployment.reconcile;

import static dev.ecscanary.controller.deployment.DeploymentStatus.FAILED;
import static dev.ecscanary.controller.deployment.DeploymentStatus.ROLLED_BACK;
import static dev.ecscanary.controller.deployment.DeploymentStatus.ROLLING_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.StopState;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One look at a release rolling back after this controller stopped it at 30%: when it may be called rolled back. */
class RollbackFollowerTest {

    /** What happened after the stop was accepted and CodeDeploy started its rollback deployment. */
    interface Afterwards extends BiConsumer<StepRig, Deployment> {}

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("rollback still running", nothing(), ROLLING_BACK, null, 30),
                Arguments.of("rollback succeeded, all traffic back", completed(0), ROLLED_BACK, null, 0),
                Arguments.of(
                        "rollback succeeded, the listener still sends 10% to the new version",
                        completed(10), ROLLING_BACK, null, 10),
                Arguments.of(
                        "rollback succeeded, the listener unreadable",
                        (Afterwards) (rig, d) -> {
                            completed(0).accept(rig, d);
                            rig.codeDeploy.listenerForwardsNothing();
                        },
                        ROLLED_BACK,
                        "according to CodeDeploy (not confirmed on the load balancer",
                        0),
                Arguments.of(
                        "rollback failed",
                        (Afterwards) (rig, d) -> rig.codeDeploy.failRollback(d.rollbackDeploymentId()),
                        FAILED,
                        "then the rollback deployment",
                        30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void followsTheRollback(String name, Afterwards afterwards, DeploymentStatus status, String reason, int traffic) {
        StepRig rig = new StepRig();
        Deployment d = stoppedAtThirtyPercent(rig);
        afterwards.accept(rig, d);

        rig.rollbackFollower().follow(d, rig.service, rig.reads());

        assertThat(d.status()).as("events %s", d.events()).isEqualTo(status);
        assertThat(d.trafficPercent()).as("traffic on the new version").isEqualTo(traffic);
        if (reason != null) {
            assertThat(d.reason()).contains(reason);
        }
        assertThat(d.rollbackLifecycleEvents())
                .as("the rollback's own lifecycle")
                .isNotEmpty();
        assertThat(d.lifecycleEvents()).as("the release's own lifecycle").isNotEmpty();
        assertThat(rig.codeDeploy.stopCalls(d.codeDeployDeploymentId())).isEqualTo(1);
        if (status == ROLLED_BACK) {
            assertThat(d.trafficRestoredAt()).isEqualTo(rig.clock.instant());
        }
    }

    /** A stop decided and saved, whose call never reached CodeDeploy: CodeDeploy still shows the release running. */
    static Stream<Arguments> lostStops() {
        return Stream.of(
                Arguments.of(Duration.ofSeconds(10), 0, StopState.REQUESTED),
                Arguments.of(StepRig.STOP_CONFIRM_WAIT.plusSeconds(1), 1, StopState.ACCEPTED));
    }

    @ParameterizedTest(name = "{0} after the decision: {1} more stop calls")
    @MethodSource("lostStops")
    void aStopThatNeverArrivedIsSentAgainOnlyOnceTheWaitIsOver(Duration after, int resent, StopState then) {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        rig.codeDeploy.shiftTo(30);
        d.stopRequested("Rolled back by test", null, rig.clock.instant());
        rig.saver.save(d);
        rig.clock.advance(after);

        rig.rollbackFollower().follow(d, rig.service, rig.reads());

        assertThat(rig.codeDeploy.stopCalls(d.codeDeployDeploymentId())).isEqualTo(resent);
        assertThat(d.stopState()).isEqualTo(then);
        assertThat(d.events().stream().anyMatch(e -> e.type() == EventType.STOP_RESENT))
                .isEqualTo(resent > 0);
    }

    @Test
    void aStopWhoseAnswerWasLostIsConfirmedFromCodeDeploysStatusAndNotSentAgain() {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        rig.codeDeploy.loseNextStopAnswer();
        rig.stopCaller.stop(d, "Rolled back by test", null);
        assertThat(d.stopState()).isEqualTo(StopState.REQUESTED);
        rig.clock.advance(StepRig.STOP_CONFIRM_WAIT.plusSeconds(1));

        rig.rollbackFollower().follow(d, rig.service, rig.reads());

        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(d.rollbackDeploymentId()).isNotNull();
        assertThat(rig.codeDeploy.stopCalls(d.codeDeployDeploymentId())).isEqualTo(1);
        assertThat(d.events()).extracting(DeploymentEvent::type).contains(EventType.STOP_UNANSWERED);
    }

    @Test
    void aStopThatCameTooLateEndsFailedSayingTheNewVersionIsLive() {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        rig.codeDeploy.succeed(d.codeDeployDeploymentId());
        rig.stopCaller.stop(d, "Rolled back by test", null);
        assertThat(d.stopState()).isEqualTo(StopState.ALREADY_COMPLETED);

        rig.rollbackFollower().follow(d, rig.service, rig.reads());

        assertThat(d.status()).isEqualTo(FAILED);
        assertThat(d.reason()).contains("the new version is live");
    }

    @Test
    void aStoppedReleaseWithoutARollbackDeploymentFailsOnceCodeDeployHadTimeToMakeOne() {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        rig.codeDeploy.succeed(d.codeDeployDeploymentId()); // ended; no rollback deployment will come
        d.rollingBack("CodeDeploy ended the deployment itself", rig.clock.instant());
        RollbackFollower follower = rig.rollbackFollower();

        follower.follow(d, rig.service, rig.reads());
        assertThat(d.status()).as("within the wait").isEqualTo(ROLLING_BACK);

        rig.clock.advance(StepRig.STOP_CONFIRM_WAIT.plusSeconds(1));
        follower.follow(d, rig.service, rig.reads());
        assertThat(d.status()).isEqualTo(FAILED);
        assertThat(d.reason()).contains("made no rollback deployment");
    }

    /** Stopped by this controller at 30%, CodeDeploy accepted and started its rollback deployment. */
    private static Deployment stoppedAtThirtyPercent(StepRig rig) {
        Deployment d = rig.inProgress();
        rig.codeDeploy.shiftTo(30);
        d.targetGroupsSeen("demo-app-blue", "demo-app-green"); // as the progress watcher saw them
        d.trafficObserved(30, rig.clock.instant());
        rig.stopCaller.stop(d, "Rolled back: alarm in ALARM at 30% traffic", rig.clock.instant());
        rig.minute();
        rig.rollbackFollower().follow(d, rig.service, rig.reads());
        assertThat(d.rollbackDeploymentId()).as("the rollback found").isNotNull();
        return d;
    }

    private static Afterwards nothing() {
        return (rig, d) -> {};
    }

    /** The rollback deployment succeeded; the listener sends {@code stillOnNew}% to the new version. */
    private static Afterwards completed(int stillOnNew) {
        return (rig, d) -> {
            rig.codeDeploy.completeRollback(d.rollbackDeploymentId());
            rig.codeDeploy.shiftTo(stillOnNew);
        };
    }
}

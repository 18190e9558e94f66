package dev.ecscanary.controller.deployment.reconcile;

import static dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy.CONTINUE;
import static dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy.ROLL_BACK;
import static dev.ecscanary.controller.deployment.DeploymentStatus.IN_PROGRESS;
import static dev.ecscanary.controller.deployment.DeploymentStatus.ROLLING_BACK;
import static dev.ecscanary.controller.deployment.DeploymentStatus.SUCCEEDED;
import static dev.ecscanary.controller.deployment.reconcile.StepRig.ALARM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.deployment.StopState;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One look at a release in progress: what CodeDeploy, the load balancer and the alarm say, and what is done about it. */
class ProgressWatcherTest {

    /** What happened to a release running at 30% with its alarm OK; returns the readings the tick gets. */
    interface World extends BiFunction<StepRig, Deployment, AlarmReadings> {}

    static Stream<Arguments> table() {
        return Stream.of(
                row("alarm OK", ROLL_BACK, (rig, d) -> rig.alarms(), IN_PROGRESS, 0, null),
                row("alarm fires", ROLL_BACK, ProgressWatcherTest::fire, ROLLING_BACK, 1, EventType.STOP_ACCEPTED),
                row("alarm fires under CONTINUE", CONTINUE, ProgressWatcherTest::fire, ROLLING_BACK, 1, null),
                row(
                        "insufficient data",
                        ROLL_BACK,
                        insufficientFor(Duration.ZERO),
                        IN_PROGRESS,
                        0,
                        EventType.INCONCLUSIVE),
                row(
                        "insufficient data past the grace",
                        ROLL_BACK,
                        insufficientFor(StepRig.GRACE),
                        ROLLING_BACK,
                        1,
                        null),
                row(
                        "insufficient data past the grace under CONTINUE",
                        CONTINUE,
                        insufficientFor(StepRig.GRACE),
                        IN_PROGRESS,
                        0,
                        null),
                row("alarm missing", ROLL_BACK, (rig, d) -> missing(rig), IN_PROGRESS, 0, EventType.INCONCLUSIVE),
                row(
                        "CloudWatch unreadable",
                        ROLL_BACK,
                        (rig, d) -> AlarmReadings.unreadable("timed out"),
                        IN_PROGRESS,
                        0,
                        EventType.INCONCLUSIVE),
                row(
                        "CodeDeploy succeeded, all traffic verified",
                        ROLL_BACK,
                        ProgressWatcherTest::succeed,
                        SUCCEEDED,
                        0,
                        EventType.SUCCEEDED),
                row(
                        "CodeDeploy succeeded, the listener still at 90%",
                        ROLL_BACK, ProgressWatcherTest::succeedButListenerLags, IN_PROGRESS, 0, null),
                row(
                        "CodeDeploy stopped it on its own alarm",
                        ROLL_BACK,
                        ProgressWatcherTest::codeDeployStops,
                        ROLLING_BACK,
                        0,
                        EventType.ROLLBACK_STARTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void watchesOneStep(
            String name,
            InconclusivePolicy policy,
            World world,
            DeploymentStatus status,
            int stopCalls,
            EventType recorded) {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress(policy);
        String cd = d.codeDeployDeploymentId();
        rig.codeDeploy.shiftTo(30);

        rig.progressWatcher(policy).watch(d, rig.service, world.apply(rig, d), rig.reads());

        assertThat(d.status()).as("events %s", d.events()).isEqualTo(status);
        assertThat(rig.codeDeploy.stopCalls(cd)).isEqualTo(stopCalls);
        if (recorded != null) {
            assertThat(d.events()).extracting(DeploymentEvent::type).contains(recorded);
        }
        if (stopCalls > 0) {
            Deployment savedFirst = rig.saver.saves().getLast();
            assertThat(savedFirst.stopState())
                    .as("the decision to stop was saved before StopDeployment was sent")
                    .isEqualTo(StopState.REQUESTED);
            assertThat(d.reason()).contains("30% traffic");
            assertThat(d.currentPhase().orElseThrow().outcome()).isEqualTo(PhaseOutcome.ROLLED_BACK);
        }
    }

    @ParameterizedTest(name = "accepted under {0}, configured {1} now")
    @MethodSource("policyChanges")
    void aReleaseKeepsThePolicyItWasAcceptedUnderWhenTheConfigurationChanges(
            InconclusivePolicy accepted, InconclusivePolicy configuredNow, DeploymentStatus after) {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress(accepted);
        rig.codeDeploy.shiftTo(30);

        rig.progressWatcher(configuredNow)
                .watch(d, rig.service, insufficientFor(StepRig.GRACE).apply(rig, d), rig.reads());

        assertThat(d.inconclusivePolicy()).isEqualTo(accepted);
        assertThat(d.status()).isEqualTo(after);
    }

    static Stream<Arguments> policyChanges() {
        return Stream.of(
                Arguments.of(ROLL_BACK, CONTINUE, ROLLING_BACK), Arguments.of(CONTINUE, ROLL_BACK, IN_PROGRESS));
    }

    @Test
    void aSuccessTheLoadBalancerCannotConfirmSaysSoOnTheRecord() {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        rig.codeDeploy.succeed(d.codeDeployDeploymentId());
        rig.codeDeploy.listenerForwardsNothing();

        rig.progressWatcher(ROLL_BACK).watch(d, rig.service, rig.alarms(), rig.reads());

        assertThat(d.status()).isEqualTo(SUCCEEDED);
        assertThat(d.reason())
                .endsWith("according to CodeDeploy (not confirmed on the load balancer: its listener could"
                        + " not be read)");
        assertThat(d.events())
                .extracting(DeploymentEvent::type)
                .containsSubsequence(EventType.UNVERIFIED, EventType.SUCCEEDED);
        assertThat(EventType.UNVERIFIED.severity()).isEqualTo(EventType.Severity.WARN);
    }

    @Test
    void eachTrafficStepIsAPhaseWithTheWorstAlarmStateSeenInIt() {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        ProgressWatcher watcher = rig.progressWatcher(ROLL_BACK);
        for (int percent : new int[] {10, 10, 20}) {
            rig.codeDeploy.shiftTo(percent);
            rig.minute();
            watcher.watch(d, rig.service, rig.alarms(), rig.reads());
        }
        rig.cloudWatch.set(ALARM, AlarmState.INSUFFICIENT_DATA, rig.clock.instant());
        watcher.watch(d, rig.service, rig.alarms(), rig.reads());
        rig.cloudWatch.set(ALARM, AlarmState.OK, rig.clock.instant());
        watcher.watch(d, rig.service, rig.alarms(), rig.reads());

        assertThat(d.phases()).extracting(Phase::trafficPercent).containsExactly(10, 20);
        assertThat(d.phases().get(0).outcome()).isEqualTo(PhaseOutcome.ADVANCED);
        assertThat(d.phases().get(1).alarmStates()).containsEntry(ALARM, AlarmState.INSUFFICIENT_DATA);
        assertThat(d.trafficPercent()).isEqualTo(20);
        assertThat(d.inconclusiveSince()).as("OK again").isNull();
        assertThat(d.events()).extracting(DeploymentEvent::type).contains(EventType.INCONCLUSIVE, EventType.CONCLUSIVE);
    }

    @Test
    void unreadableAlarmsKeepTheLastReadingsInsteadOfForgettingThem() {
        StepRig rig = new StepRig();
        Deployment d = rig.inProgress();
        ProgressWatcher watcher = rig.progressWatcher(ROLL_BACK);
        rig.codeDeploy.shiftTo(10);
        watcher.watch(d, rig.service, rig.alarms(), rig.reads());

        watcher.watch(d, rig.service, AlarmReadings.unreadable("timed out"), rig.reads());

        assertThat(d.alarms().get(ALARM).state()).isEqualTo(AlarmState.OK);
        assertThat(d.inconclusiveSince()).isNotNull();
    }

    private static Arguments row(
            String name,
            InconclusivePolicy policy,
            World world,
            DeploymentStatus status,
            int stopCalls,
            EventType recorded) {
        return Arguments.of(name, policy, world, status, stopCalls, recorded);
    }

    private static AlarmReadings fire(StepRig rig, Deployment d) {
        rig.cloudWatch.set(ALARM, AlarmState.ALARM, rig.clock.instant());
        return rig.alarms();
    }

    /** The alarm is INSUFFICIENT_DATA, and the release has been inconclusive for {@code lasted}. */
    private static World insufficientFor(Duration lasted) {
        return (rig, d) -> {
            rig.cloudWatch.set(ALARM, AlarmState.INSUFFICIENT_DATA, rig.clock.instant());
            if (!lasted.isZero()) {
                d.inconclusive(rig.clock.instant());
                rig.clock.advance(lasted);
            }
            return rig.alarms();
        };
    }

    private static AlarmReadings missing(StepRig rig) {
        rig.cloudWatch.remove(ALARM);
        return rig.alarms();
    }

    private static AlarmReadings succeed(StepRig rig, Deployment d) {
        rig.codeDeploy.succeed(d.codeDeployDeploymentId());
        return rig.alarms();
    }

    private static AlarmReadings succeedButListenerLags(StepRig rig, Deployment d) {
        rig.codeDeploy.succeed(d.codeDeployDeploymentId());
        rig.codeDeploy.shiftTo(90);
        return rig.alarms();
    }

    private static AlarmReadings codeDeployStops(StepRig rig, Deployment d) {
        rig.codeDeploy.stopByOwnAlarm(d.codeDeployDeploymentId());
        return rig.alarms();
    }
}

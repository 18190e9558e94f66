package dev.ecscanary.controller.deployment.reconcile;

import static dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy.ROLL_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.PreTraffic;
import dev.ecscanary.controller.deployment.PreTraffic.ContinueState;
import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties;
import dev.ecscanary.controller.pretraffic.SmokeCheckRunner;
import dev.ecscanary.controller.pretraffic.SmokeCheckRunnerTest;
import dev.ecscanary.controller.pretraffic.TasksStandIn;
import dev.ecscanary.controller.traffic.TargetAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pre-traffic gate on the fakes, with the replacement a real HTTP server on loopback: CodeDeploy waits in
 * READY_WAIT, the checks run against the replacement's own targets, and exactly one ContinueDeployment or one stop
 * follows, across lost answers, throttling, a controller restart and a wait that runs out.
 */
@Timeout(60)
class PreTrafficGateTest {

    private final StepRig rig = new StepRig();
    private TasksStandIn replacement;
    private ProgressWatcher watcher;
    private Deployment d;
    private String codeDeployId;

    @BeforeEach
    void releaseWaitsInReadyWait() throws IOException {
        replacement = new TasksStandIn();
        rig.codeDeploy.readyWait(10);
        rig.codeDeploy.greenTargets(
                List.of(new TargetAddress("127.0.0.1", replacement.uri().getPort())));
        rig.preTrafficCheck = new PreTrafficCheckProperties(
                SmokeCheckRunnerTest.demoAppRequests(), 5, 2, 0, Duration.ofSeconds(2), Duration.ofSeconds(2));
        watcher = rig.progressWatcher(ROLL_BACK);
        d = rig.inProgress();
        codeDeployId = d.codeDeployDeploymentId();
        rig.codeDeploy.becomeReady(codeDeployId);
    }

    @AfterEach
    void stopReplacement() {
        replacement.close();
    }

    @Test
    void aHealthyReplacementIsLetInWithOneContinueDeployment() throws Exception {
        tick();
        assertThat(d.preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.RUNNING);
        assertThat(rig.saver.saves()).as("the running check is on the record").isNotEmpty();

        checkEnds();
        tick();

        PreTraffic phase = d.preTraffic();
        assertThat(phase.verdict()).isEqualTo(PreTraffic.Verdict.PASSED);
        assertThat(phase.continueState()).isEqualTo(ContinueState.ACCEPTED);
        assertThat(phase.targets())
                .containsExactly("127.0.0.1:" + replacement.uri().getPort());
        assertThat(phase.checks()).hasSize(6).allSatisfy(c -> {
            assertThat(c.count()).isEqualTo(5);
            assertThat(c.failures()).isZero();
        });
        assertThat(phase.summary()).startsWith("all 30 requests passed on 1 target");
        assertThat(replacement.tasks).as("the checks left nothing behind").isEmpty();
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(1);
        assertThat(types())
                .containsSubsequence(
                        EventType.PRE_TRAFFIC_STARTED,
                        EventType.PRE_TRAFFIC_PASSED,
                        EventType.CONTINUE_REQUESTED,
                        EventType.CONTINUE_ACCEPTED);

        tick(); // CodeDeploy moves traffic now; nothing is sent again
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(1);
        assertThat(d.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void theContinueDecisionIsSavedBeforeTheCall() throws Exception {
        tick();
        checkEnds();
        int savesBefore = rig.saver.saves().size();
        tick();

        Deployment decided = rig.saver.saves().get(savesBefore);
        assertThat(decided.preTraffic().continueState())
                .as("the first save of the tick holds the decision, not yet its answer")
                .isEqualTo(ContinueState.REQUESTED);
        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.ACCEPTED);
    }

    @Test
    void aBrokenReplacementIsStoppedOnceBeforeAnyUserTraffic() throws Exception {
        replacement.failEveryNthList = 1;
        tick();
        checkEnds();
        tick();

        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.FAILED);
        assertThat(d.reason())
                .startsWith("Stopped before any user traffic: 5 of 5 requests to GET /api/tasks answered 500: ");
        assertThat(rig.codeDeploy.stopCalls(codeDeployId)).isEqualTo(1);
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isZero();
        assertThat(d.phases()).allSatisfy(p -> assertThat(p.trafficPercent()).isZero());
        assertThat(types()).containsSubsequence(EventType.PRE_TRAFFIC_FAILED, EventType.STOP_REQUESTED);
    }

    @Test
    void aReplacementWithNoHealthyTargetFailsTheCheckAtOnce() throws Exception {
        rig.codeDeploy.greenTargets(List.of());
        tick();
        checkEnds();
        tick();

        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.reason())
                .isEqualTo("Stopped before any user traffic: the replacement has no healthy target to ask");
        assertThat(replacement.requests.get()).isZero();
    }

    @Test
    void aServiceWithoutChecksContinuesAtOnce() {
        rig.preTrafficCheck = null;
        watcher = rig.progressWatcher(ROLL_BACK);
        tick();

        assertThat(d.preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.NOT_CONFIGURED);
        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.ACCEPTED);
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(1);
        assertThat(replacement.requests.get()).isZero();
    }

    @Test
    void aControllerRestartedDuringTheCheckRunsItAgainAndContinuesOnce() throws Exception {
        replacement.apiDelayMillis = 200;
        tick();
        Deployment saved = rig.saver.saves().getLast();
        assertThat(saved.preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.RUNNING);

        // a new controller: no run in memory, the release as the store has it
        rig.runs.discard(d.id());
        PreTrafficRuns newRuns = new PreTrafficRuns(new SmokeCheckRunner(rig.clock), rig.clock, Duration.ZERO);
        watcher = rig.progressWatcher(ROLL_BACK, newRuns);
        d = saved.snapshot();
        replacement.apiDelayMillis = 0;
        tick();
        assertThat(newRuns.running(d.id())).isTrue();
        await(newRuns);
        tick();

        assertThat(d.preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.PASSED);
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(1);
        assertThat(d.events())
                .extracting(DeploymentEvent::message)
                .anyMatch(m -> m.contains("starts again: the controller restarted while it ran"));
    }

    @Test
    void aRestartAfterTheContinueDecisionConfirmsItOnCodeDeployInsteadOfSendingAnother() throws Exception {
        tick();
        checkEnds();
        rig.codeDeploy.loseNextContinueAnswer(); // CodeDeploy continues; the answer is lost
        tick();
        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.REQUESTED);
        assertThat(types()).contains(EventType.CONTINUE_UNANSWERED);

        tick(); // CodeDeploy now shows IN_PROGRESS: the continue took

        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.ACCEPTED);
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(1);
    }

    @Test
    void aThrottledContinueIsSentAgainWhileCodeDeployStillWaits() throws Exception {
        tick();
        checkEnds();
        rig.codeDeploy.unavailable("ContinueDeployment", 1);
        tick();
        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.REQUESTED);

        tick();

        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.ACCEPTED);
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(2);
        assertThat(d.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void aContinueRefusedAsNotReadyIsAskedAgainWhileCodeDeployShowsReady() throws Exception {
        tick();
        checkEnds();
        rig.codeDeploy.nextContinueNotReady();
        tick();
        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.REQUESTED);

        tick();

        assertThat(d.preTraffic().continueState()).isEqualTo(ContinueState.ACCEPTED);
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isEqualTo(2);
    }

    @Test
    void aWaitThatRunsOutDuringTheCheckEndsTheReleaseWithNoUserTraffic() throws Exception {
        replacement.apiDelayMillis = 300;
        tick();
        rig.codeDeploy.readyWaitRunsOut(codeDeployId);
        tick();

        assertThat(d.preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.CUT_SHORT);
        assertThat(d.preTraffic().summary()).contains("STOPPED, TIMEOUT").contains("before the pre-traffic check");
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(rig.runs.running(d.id())).as("the run was cancelled").isFalse();

        RollbackFollower follower = rig.rollbackFollower();
        follower.follow(d, rig.service, rig.reads());
        assertThat(d.status()).as("a rollback deployment may still come").isEqualTo(DeploymentStatus.ROLLING_BACK);
        rig.clock.advance(StepRig.STOP_CONFIRM_WAIT.plusSeconds(1));
        follower.follow(d, rig.service, rig.reads());

        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(d.reason()).contains("no user traffic ever reached it");
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isZero();
    }

    @Test
    void anAlarmFiringDuringTheWaitStopsTheReleaseAndTheCheckHasNoSay() throws Exception {
        tick();
        rig.cloudWatch.set(StepRig.ALARM, AlarmState.ALARM, rig.clock.instant());
        tick();

        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(rig.runs.running(d.id())).isFalse();
        assertThat(rig.codeDeploy.calls("ContinueDeployment")).isZero();
        assertThat(rig.codeDeploy.stopCalls(codeDeployId)).isEqualTo(1);
    }

    private void tick() {
        watcher.watch(d, rig.service, rig.alarms(), rig.reads());
        rig.saver.save(d);
    }

    private void checkEnds() throws InterruptedException {
        await(rig.runs);
    }

    private void await(PreTrafficRuns runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runs.running(d.id()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(runs.running(d.id())).as("the check ended").isFalse();
    }

    private List<EventType> types() {
        return d.events().stream().map(DeploymentEvent::type).toList();
    }
}

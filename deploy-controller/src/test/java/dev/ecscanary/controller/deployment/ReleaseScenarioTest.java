package dev.ecscanary.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.ControllerTest;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.FakeEcs;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.revision.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Whole releases through the reconciler and a real PostgreSQL, with AWS replaced by hand-written fakes: every domain
 * scenario of a release lives here. What only the wire adds (the SDK's requests, faults, throttling, lost answers,
 * restarts) is in the wire package.
 */
@ControllerTest
class ReleaseScenarioTest {

    static final String ALARM = "demo-app-success-rate";
    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0";

    @Autowired
    Releases releases;

    @Autowired
    Reconciler reconciler;

    @Autowired
    FakeCodeDeploy codeDeploy;

    @Autowired
    FakeCloudWatch cloudWatch;

    @Autowired
    FakeEcs ecs;

    @Autowired
    MutableClock clock;

    @Autowired
    FakeAws aws;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void cleanWorldWithAlarmOk() {
        aws.reset(reconciler);
        cloudWatch.set(ALARM, AlarmState.OK, clock.instant());
    }

    @Test
    void fullTenStepReleaseSucceeds() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        assertThat(status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        for (int step = 1; step <= 10; step++) {
            codeDeploy.shiftTo(step * 10);
            minute();
        }
        codeDeploy.succeed(cd);
        minute();

        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).as("events %s", d.events()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(d.reason()).contains("verified on the load balancer");
        assertThat(d.trafficPercent()).isEqualTo(100);
        assertThat(d.phases())
                .extracting(Phase::trafficPercent)
                .containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(d.phases()).allSatisfy(p -> assertThat(p.alarmStates()).containsEntry(ALARM, AlarmState.OK));
        assertThat(d.phases().getLast().outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
        assertThat(codeDeploy.stopCalls(cd)).isZero();
        assertThat(ecs.registered()).hasSize(1);
        assertThat(codeDeploy.created().getFirst().deploymentConfig())
                .isEqualTo("CodeDeployDefault.ECSLinear10PercentEvery1Minutes");
        assertThat(codeDeploy.created().getFirst().description())
                .contains(IMAGE)
                .contains(id.toString());
    }

    @Test
    void rollsBackWhenAlarmFiresDuringThirdStep() throws Exception {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        for (int step = 1; step <= 3; step++) {
            codeDeploy.shiftTo(step * 10);
            minute();
        }
        Instant fired = clock.instant().minusSeconds(3);
        cloudWatch.set(ALARM, AlarmState.ALARM, fired);
        minute();
        Instant stoppedAt = clock.instant();
        minute(); // a second look must not stop again

        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(codeDeploy.stopCalls(cd)).isEqualTo(1);
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(d.alarmChangedAt()).isEqualTo(fired);
        assertThat(d.reason())
                .contains("alarm " + ALARM + " is in ALARM")
                .contains("30% traffic")
                .contains("phase 3")
                .contains(IMAGE);
        assertThat(d.rollbackDeploymentId()).isEqualTo(codeDeploy.deployment(cd).rollbackId);

        codeDeploy.completeRollback(d.rollbackDeploymentId());
        minute();
        d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(d.trafficPercent()).isZero();
        assertThat(d.trafficRestoredAt()).isNotNull();
        assertThat(d.phases().get(3).outcome()).isEqualTo(PhaseOutcome.ROLLED_BACK);
        assertThat(d.phases().get(3).alarmStates()).containsEntry(ALARM, AlarmState.ALARM);
        assertThat(codeDeploy.stopCalls(cd)).isEqualTo(1);
        mvc.perform(get("/api/deployments/" + id).with(TestCallers.reader()))
                .andExpect(jsonPath("$.status").value("ROLLED_BACK"))
                .andExpect(jsonPath("$.safetyNet.stopState").value("ACCEPTED"))
                .andExpect(jsonPath("$.safetyNet.alarmChangedAt").value(fired.toString()))
                .andExpect(jsonPath("$.safetyNet.stopRequestedAt").value(stoppedAt.toString()))
                .andExpect(jsonPath("$.safetyNet.trafficRestoredAt")
                        .value(clock.instant().toString()))
                .andExpect(jsonPath("$.safetyNet.detectionMillis").value(63_000))
                .andExpect(jsonPath("$.safetyNet.restoreMillis").value(120_000));
    }

    @Test
    void recordsCodeDeploysOwnRollbackAndNeverStopsIt() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        codeDeploy.shiftTo(20);
        minute();
        String rollback = codeDeploy.stopByOwnAlarm(cd);
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute();

        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.reason())
                .contains("CodeDeploy stopped the deployment itself")
                .contains("ALARM_ACTIVE");
        assertThat(d.stopState()).isEqualTo(StopState.NONE);

        codeDeploy.completeRollback(rollback);
        minute();
        assertThat(status(id)).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(codeDeploy.stopCalls(cd)).isZero();
    }

    @Test
    void rollsBackUnderDefaultPolicyWhenAlarmStaysInsufficientData() throws Exception {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        codeDeploy.shiftTo(10);
        cloudWatch.set(ALARM, AlarmState.INSUFFICIENT_DATA, clock.instant());
        minute();
        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(d.inconclusiveSince()).isEqualTo(clock.instant());
        assertThat(codeDeploy.stopCalls(cd)).isZero();

        minute();
        assertThat(status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        minute(); // two minutes of INSUFFICIENT_DATA since it was first seen: the grace is spent
        d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.reason())
                .contains("policy ROLL_BACK")
                .contains("INSUFFICIENT_DATA")
                .contains("10% traffic");
        assertThat(codeDeploy.stopCalls(cd)).isEqualTo(1);
        mvc.perform(get("/api/deployments/" + id).with(TestCallers.reader()))
                .andExpect(jsonPath("$.analysis.inconclusivePolicy").value("ROLL_BACK"));
    }

    @Test
    void aSecondReleaseWhileOneIsInFlightIsRefusedNamingItAndStartsNothing() throws Exception {
        UUID id = start();
        ReleaseRequest second = new ReleaseRequest(
                "demo-app", ImageReference.parse(IMAGE.replace("2.0.0", "2.0.1")), null, null, null, null, "test");

        assertThatThrownBy(() -> releases.accept(second, null, null))
                .isInstanceOfSatisfying(
                        ServiceBusyException.class,
                        e -> assertThat(e.inFlight()).isEqualTo(id));
        mvc.perform(post("/api/deployments")
                        .with(TestCallers.ci())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\": \"demo-app\", \"image\": \"" + IMAGE.replace("2.0.0", "2.0.1") + "\"}"))
                .andExpect(MockMvcResultMatchers.status().isConflict())
                .andExpect(jsonPath("$.inFlightDeploymentId").value(id.toString()));
        minute();
        assertThat(ecs.registered()).hasSize(1);
        assertThat(codeDeploy.created()).hasSize(1);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstDeploymentAndStartsNothing() {
        ReleaseRequest request =
                new ReleaseRequest("demo-app", ImageReference.parse(IMAGE), null, null, null, null, "test");
        Releases.Accepted first = releases.accept(request, "ci-run-42", "hash-of-body");
        UUID id = first.deployment().id();
        awaitStarted(id);

        Releases.Accepted retried = releases.accept(request, "ci-run-42", "hash-of-body");

        assertThat(first.replayed()).isFalse();
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.deployment().id()).isEqualTo(id);
        assertThatThrownBy(() -> releases.accept(request, "ci-run-42", "hash-of-another-body"))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(ecs.registered()).hasSize(1);
        assertThat(codeDeploy.created()).hasSize(1);
    }

    @Test
    void insufficientDataThatClearsWithinGraceDoesNotStop() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        cloudWatch.set(ALARM, AlarmState.INSUFFICIENT_DATA, clock.instant());
        minute();
        cloudWatch.set(ALARM, AlarmState.OK, clock.instant());
        minute();
        minute();
        assertThat(status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(releases.find(id).orElseThrow().inconclusiveSince()).isNull();
        assertThat(codeDeploy.stopCalls(cd)).isZero();
    }

    @Test
    void aStopWhoseAnswerWasLostIsNotSentAgainOnceCodeDeployShowsIt() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        codeDeploy.shiftTo(10);
        minute();
        codeDeploy.loseNextStopAnswer();
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute();
        assertThat(releases.find(id).orElseThrow().stopState()).isEqualTo(StopState.REQUESTED);

        minute();
        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(codeDeploy.stopCalls(cd)).isEqualTo(1);
    }

    /**
     * The answer is lost after CodeDeploy created the deployment, and the next attempt finds it by its marker. (Over
     * the wire, WireReleaseTest's twin takes the other path: the SDK's retry meets DeploymentLimitExceeded.)
     */
    @Test
    void aCreateDeploymentWhoseAnswerWasLostIsFoundAgainNotSentTwice() {
        codeDeploy.loseNextCreateAnswer();
        ReleaseRequest request =
                new ReleaseRequest("demo-app", ImageReference.parse(IMAGE), null, null, null, null, "test");
        UUID id = releases.accept(request, null, null).deployment().id();
        awaitStarted(id);
        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.codeDeployDeploymentId()).isEqualTo(codeDeploy.lastDeploymentId());
        assertThat(codeDeploy.created()).hasSize(1);
        assertThat(d.events())
                .extracting(DeploymentEvent::type)
                .contains(EventType.AWS_UNAVAILABLE, EventType.CODEDEPLOY_FOUND);
    }

    @Test
    void aTickReadsCodeDeployInOneBatchAndOnlyTheTargetOnItsOwn() {
        UUID id = start();
        codeDeploy.shiftTo(10);
        int batches = codeDeploy.calls("BatchGetDeployments");
        int singles = codeDeploy.calls("GetDeployment");
        int targets = codeDeploy.calls("BatchGetDeploymentTargets");
        minute();

        assertThat(releases.find(id).orElseThrow().trafficPercent()).isEqualTo(10);
        assertThat(codeDeploy.calls("BatchGetDeployments") - batches).isEqualTo(1);
        assertThat(codeDeploy.calls("GetDeployment") - singles).isZero();
        assertThat(codeDeploy.calls("BatchGetDeploymentTargets") - targets).isEqualTo(1);
    }

    @Test
    void operatorRollbackStopsOnceAndRefusesAFinishedRelease() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        codeDeploy.shiftTo(40);
        minute();
        Deployment d = releases.rollBack(id, "alice");
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.reason()).contains("alice").contains("40%");
        releases.rollBack(id, "bob");
        assertThat(codeDeploy.stopCalls(cd)).isEqualTo(1);

        codeDeploy.completeRollback(codeDeploy.deployment(cd).rollbackId);
        minute();
        assertThat(status(id)).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThatThrownBy(() -> releases.rollBack(id, "carol")).isInstanceOf(DeploymentFinishedException.class);
    }

    @Test
    void aFailedRollbackEndsFailedWithTheReason() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute();
        codeDeploy.failRollback(codeDeploy.deployment(cd).rollbackId);
        minute();
        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(d.reason()).contains("rollback deployment").contains("HEALTH_CONSTRAINTS");
    }

    @Test
    void keepsCodeDeploysLifecycleEventsAsTheyProgress() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        assertThat(releases.find(id).orElseThrow().lifecycleEvents())
                .extracting(e -> e.name() + "=" + e.status())
                .contains("Install=Succeeded", "AllowTraffic=InProgress", "AfterAllowTraffic=Pending");
        codeDeploy.succeed(cd);
        minute();
        assertThat(releases.find(id).orElseThrow().lifecycleEvents())
                .hasSize(9)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo("Succeeded"));
    }

    @Test
    void followsTheRollbackDeploymentsOwnLifecycleApartFromTheReleasesToTheEnd() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        codeDeploy.shiftTo(20);
        minute();
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute(); // stopped; CodeDeploy creates the rollback deployment
        Deployment stopped = releases.find(id).orElseThrow();
        assertThat(stopped.rollbackLifecycleEvents())
                .as("no rollback deployment seen yet")
                .isEmpty();

        minute(); // the rollback deployment is seen and read with its target
        Deployment rollingBack = releases.find(id).orElseThrow();
        String rollback = codeDeploy.deployment(cd).rollbackId;
        assertThat(rollingBack.rollbackDeploymentId()).isEqualTo(rollback);
        assertThat(rollingBack.rollbackLifecycleEvents())
                .extracting(e -> e.name() + "=" + e.status())
                .contains("Install=Succeeded", "AllowTraffic=InProgress", "AfterAllowTraffic=Pending");
        assertThat(rollingBack.lifecycleEvents())
                .as("the release's own, as CodeDeploy left them")
                .extracting(e -> e.name() + "=" + e.status())
                .contains("AllowTraffic=Failed", "AfterAllowTraffic=Skipped");

        codeDeploy.completeRollback(rollback);
        minute();
        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(d.rollbackLifecycleEvents())
                .as("read at the final tick too")
                .hasSize(9)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo("Succeeded"));
        assertThat(d.lifecycleEvents())
                .extracting(e -> e.name() + "=" + e.status())
                .contains("AllowTraffic=Failed");
    }

    @Test
    void aRollingBackReleaseReadsOnlyItsRollbacksTargetOnItsOwnEachTick() {
        UUID id = start();
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute();
        minute();
        assertThat(releases.find(id).orElseThrow().rollbackDeploymentId()).isNotNull();
        int batches = codeDeploy.calls("BatchGetDeployments");
        int singles = codeDeploy.calls("GetDeployment");
        int targets = codeDeploy.calls("BatchGetDeploymentTargets");

        minute();

        assertThat(status(id)).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(codeDeploy.calls("BatchGetDeployments") - batches).isEqualTo(1);
        assertThat(codeDeploy.calls("GetDeployment") - singles).isZero();
        assertThat(codeDeploy.calls("BatchGetDeploymentTargets") - targets).isEqualTo(1);
    }

    @Test
    void aRollbackTargetThatCannotBeReadKeepsTheLastSeenEventsAndStillEndsRolledBack() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute();
        minute();
        Deployment rollingBack = releases.find(id).orElseThrow();
        assertThat(rollingBack.rollbackLifecycleEvents()).isNotEmpty();

        codeDeploy.unavailable("BatchGetDeploymentTargets", 1_000);
        codeDeploy.completeRollback(codeDeploy.deployment(cd).rollbackId);
        minute();

        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(d.awsProblem()).isNull();
        assertThat(d.rollbackLifecycleEvents()).isEqualTo(rollingBack.rollbackLifecycleEvents());
        assertThat(codeDeploy.calls("BatchGetDeploymentTargets"))
                .as("the target was asked for")
                .isPositive();
    }

    @Test
    void aStopIsConfirmedAndTheRollbackFoundWhileNoTargetCanBeRead() {
        UUID id = start();
        String cd = codeDeploy.lastDeploymentId();
        codeDeploy.loseNextStopAnswer();
        cloudWatch.set(ALARM, AlarmState.ALARM, clock.instant());
        minute();
        codeDeploy.unavailable("BatchGetDeploymentTargets", 1_000);
        minute();

        Deployment d = releases.find(id).orElseThrow();
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(d.rollbackDeploymentId()).isEqualTo(codeDeploy.deployment(cd).rollbackId);
        assertThat(d.rollbackLifecycleEvents()).isEmpty();
        assertThat(d.awsProblem()).isNull();
    }

    private UUID start() {
        ReleaseRequest request = new ReleaseRequest(
                "demo-app", ImageReference.parse(IMAGE), "production", "scenario", "abc1234", null, "test");
        UUID id = releases.accept(request, null, null).deployment().id();
        awaitStarted(id);
        reconciler.tick(); // the replacement is installed: 0% traffic
        return id;
    }

    /** PENDING -> registered and created in CodeDeploy (by the accept's own first step, or by a tick). */
    private void awaitStarted(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((status(id) == DeploymentStatus.PENDING || reconciler.isBusy(id)) && System.nanoTime() < deadline) {
            reconciler.tick();
            Thread.onSpinWait();
        }
        assertThat(status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    private void minute() {
        clock.advance(Duration.ofMinutes(1));
        reconciler.tick();
    }

    private DeploymentStatus status(UUID id) {
        return releases.find(id).orElseThrow().status();
    }
}

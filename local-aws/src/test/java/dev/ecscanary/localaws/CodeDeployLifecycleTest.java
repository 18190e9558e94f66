package dev.ecscanary.localaws;

import static dev.ecscanary.localaws.support.Releases.deployment;
import static dev.ecscanary.localaws.support.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.elb.Listener;
import dev.ecscanary.localaws.support.Eventually;
import dev.ecscanary.localaws.support.LocalAwsFixture;
import dev.ecscanary.localaws.traffic.TrafficGenerator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.ErrorCode;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** Whole deployments through the real SDK clients at time scale 60 (one CodeDeploy minute per second). */
class CodeDeployLifecycleTest {

    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(60);

    private LocalAwsFixture fixture;
    private TrafficGenerator traffic;

    @AfterEach
    void stop() {
        if (traffic != null) {
            traffic.close();
        }
        fixture.close();
    }

    private void startWithTraffic(boolean codeDeployAlarmRollback) throws Exception {
        fixture = LocalAwsFixture.start(60, codeDeployAlarmRollback);
        traffic = new TrafficGenerator(URI.create(fixture.aws.productionUrl()), 100).start();
    }

    @Test
    void aHealthyReleaseShiftsTenPercentAMinuteThenRemovesTheOriginalTaskSet() throws Exception {
        startWithTraffic(false);
        String id = release(fixture.ecs, fixture.codeDeploy, "registry.local/demo-app:2.0.0");
        List<Double> greenWeights = new ArrayList<>();

        DeploymentInfo done = Eventually.await(
                RELEASE_TIMEOUT,
                () -> {
                    DeploymentInfo info = deployment(fixture.codeDeploy, id);
                    if (info.status() == DeploymentStatus.IN_PROGRESS) {
                        greenTaskSet(id)
                                .map(ECSTaskSet::trafficWeight)
                                .filter(w -> greenWeights.isEmpty()
                                        || !greenWeights.getLast().equals(w))
                                .ifPresent(greenWeights::add);
                    }
                    return info;
                },
                info -> info.status() == DeploymentStatus.SUCCEEDED
                        || info.status() == DeploymentStatus.FAILED
                        || info.status() == DeploymentStatus.STOPPED);

        assertThat(done.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(done.completeTime()).isAfter(done.startTime());
        assertThat(done.instanceTerminationWaitTimeStarted()).isTrue();
        Instant testTrafficToGreen = fixture.aws.loadBalancer().test().history().stream()
                .filter(c -> c.weights().get("demo-app-green") == 100)
                .findFirst()
                .orElseThrow()
                .at();
        List<Listener.Change> productionShifts = fixture.aws.loadBalancer().production().history().stream()
                .filter(c -> c.weights().get("demo-app-green") > 0)
                .toList();
        assertThat(productionShifts.getFirst().at())
                .as("the test listener served green before production traffic moved")
                .isAfterOrEqualTo(testTrafficToGreen);
        assertThat(productionShifts)
                .extracting(c -> c.weights().get("demo-app-green"))
                .containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(greenWeights)
                .as("green weights seen through GetDeploymentTarget")
                .isSorted()
                .contains(100.0);
        DeploymentTarget target = fixture.codeDeploy
                .getDeploymentTarget(r -> r.deploymentId(id).targetId("ecs-canary:demo-app"))
                .deploymentTarget();
        assertThat(target.ecsTarget().lifecycleEvents())
                .extracting(e -> e.lifecycleEventName() + "=" + e.statusAsString())
                .containsExactly(
                        "BeforeInstall=Succeeded",
                        "Install=Succeeded",
                        "AfterInstall=Succeeded",
                        "AllowTestTraffic=Succeeded",
                        "AfterAllowTestTraffic=Succeeded",
                        "BeforeAllowTraffic=Succeeded",
                        "AllowTraffic=Succeeded",
                        "AfterAllowTraffic=Succeeded");
        List<TaskSet> taskSets = fixture.ecs
                .describeTaskSets(r -> r.cluster("ecs-canary").service("demo-app"))
                .taskSets();
        assertThat(taskSets).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("PRIMARY");
            assertThat(t.externalId()).isEqualTo(id);
            assertThat(t.loadBalancers().getFirst().targetGroupArn()).contains("demo-app-green");
        });
        assertThat(traffic.stats().total().failed())
                .as("client requests that failed during the release")
                .isZero();
        assertThat(traffic.stats().byVersion()).containsKeys("1.0.0", "2.0.0");
        var listed = fixture
                .codeDeploy
                .listDeploymentsPaginator(r -> r.applicationName("demo-app")
                        .deploymentGroupName("demo-app")
                        .createTimeRange(t -> t.start(done.createTime().minusSeconds(1))))
                .deployments()
                .stream()
                .toList();
        assertThat(listed).containsExactly(id);
        assertThat(fixture.codeDeploy
                        .batchGetDeployments(r -> r.deploymentIds(listed))
                        .deploymentsInfo())
                .singleElement()
                .satisfies(info -> assertThat(info.description()).isEqualTo("release registry.local/demo-app:2.0.0"));
    }

    @Test
    void stopDeploymentWithRollbackMovesAllTrafficBackAndRemovesTheReplacement() throws Exception {
        startWithTraffic(false);
        String id = release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0-faulty");
        Eventually.await(RELEASE_TIMEOUT, () -> fixture.aws.alarmState().orElseThrow(), "ALARM"::equals);

        var stop = fixture.codeDeploy.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));

        assertThat(stop.statusAsString()).isEqualTo("Pending");
        DeploymentInfo stopped = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.STOPPED);
        assertThat(stopped.errorInformation().code()).isEqualTo(ErrorCode.MANUAL_STOP);
        String rollbackId = stopped.rollbackInfo().rollbackDeploymentId();
        DeploymentInfo rollback = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, rollbackId),
                info -> info.status() == DeploymentStatus.SUCCEEDED);
        assertThat(rollback.creatorAsString()).isEqualTo("codeDeployRollback");
        assertThat(rollback.rollbackInfo().rollbackTriggeringDeploymentId()).isEqualTo(id);
        assertAllTrafficOnTheOriginalBlueTaskSet();
        // the rollback deployment has its own ECS target, read the way the controller reads it
        ECSTarget rollbackTarget = fixture.codeDeploy
                .batchGetDeploymentTargets(r -> r.deploymentId(rollbackId).targetIds("ecs-canary:demo-app"))
                .deploymentTargets()
                .getFirst()
                .ecsTarget();
        assertThat(rollbackTarget.deploymentId()).isEqualTo(rollbackId);
        assertThat(rollbackTarget.lifecycleEvents())
                .extracting(e -> e.lifecycleEventName() + "=" + e.statusAsString())
                .containsExactly(
                        "BeforeAllowTraffic=Succeeded", "AllowTraffic=Succeeded", "AfterAllowTraffic=Succeeded");
        assertThat(rollbackTarget.lifecycleEvents()).allSatisfy(e -> {
            assertThat(e.startTime()).isAfterOrEqualTo(stopped.completeTime().truncatedTo(ChronoUnit.SECONDS));
            assertThat(e.endTime()).isAfterOrEqualTo(e.startTime());
        });
        ECSTarget releaseTarget = fixture.codeDeploy
                .batchGetDeploymentTargets(r -> r.deploymentId(id).targetIds("ecs-canary:demo-app"))
                .deploymentTargets()
                .getFirst()
                .ecsTarget();
        assertThat(releaseTarget.lifecycleEvents())
                .as("the stopped release keeps its own")
                .extracting(e -> e.lifecycleEventName() + "=" + e.statusAsString())
                .contains("BeforeInstall=Succeeded", "AllowTraffic=Failed", "AfterAllowTraffic=Skipped");
    }

    @Test
    void theDeploymentGroupsOwnAlarmMonitoringStopsAndRollsBackWithoutAnyController() throws Exception {
        startWithTraffic(true);
        String id = release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0-faulty");

        DeploymentInfo stopped = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.STOPPED);

        assertThat(stopped.errorInformation().code()).isEqualTo(ErrorCode.ALARM_ACTIVE);
        assertThat(stopped.errorInformation().message()).contains("demo-app-success-rate");
        String rollbackId = stopped.rollbackInfo().rollbackDeploymentId();
        Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, rollbackId).status(),
                DeploymentStatus.SUCCEEDED::equals);
        assertAllTrafficOnTheOriginalBlueTaskSet();
        assertThat(traffic.stats().byVersion().get("2.0.0-faulty").failed()).isPositive();
    }

    @Test
    void anImageTheRegistryDoesNotHaveFailsTheDeploymentAndRollsBack() throws Exception {
        startWithTraffic(false);
        String id = release(fixture.ecs, fixture.codeDeploy, "demo-app:9.9.9");

        DeploymentInfo failed = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.FAILED);

        assertThat(failed.errorInformation().code()).isEqualTo(ErrorCode.ECS_UPDATE_ERROR);
        assertThat(failed.errorInformation().message()).contains("CannotPullContainerError");
        Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, failed.rollbackInfo().rollbackDeploymentId())
                        .status(),
                DeploymentStatus.SUCCEEDED::equals);
        assertAllTrafficOnTheOriginalBlueTaskSet();
    }

    @Test
    void continueDeploymentEndsTheTerminationWaitEarly() throws Exception {
        fixture = LocalAwsFixture.start(30, false);
        String id = release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0");
        assertThatThrownBy(() -> fixture.codeDeploy.continueDeployment(
                        r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.TERMINATION_WAIT)))
                .isInstanceOf(DeploymentIsNotInReadyStateException.class);

        Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                DeploymentInfo::instanceTerminationWaitTimeStarted);
        Instant waitSeen = Instant.now();
        fixture.codeDeploy.continueDeployment(
                r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.TERMINATION_WAIT));

        DeploymentInfo done = Eventually.await(
                Duration.ofSeconds(5),
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.SUCCEEDED);
        Duration terminationWait = fixture.aws.settings().timeScale().realMinutes(1);
        assertThat(Duration.between(waitSeen, done.completeTime())).isLessThan(terminationWait.dividedBy(2));
        assertThatThrownBy(() -> fixture.codeDeploy.stopDeployment(r -> r.deploymentId(id)))
                .isInstanceOf(DeploymentAlreadyCompletedException.class);
    }

    @Test
    void aGroupWithAReadyWaitHoldsTheReplacementOnTheTestListenerUntilContinueDeployment() throws Exception {
        fixture = LocalAwsFixture.start(60, false);
        fixture.aws.deployments().group().readyWaitMinutes(30);
        String id = release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0");
        assertThatThrownBy(() -> fixture.codeDeploy.continueDeployment(
                        r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.READY_WAIT)))
                .as("not ready yet: the replacement is still starting")
                .isInstanceOf(DeploymentIsNotInReadyStateException.class);

        DeploymentInfo ready = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.READY);
        assertThat(ready.deploymentOverview().ready()).isEqualTo(1L);
        assertThat(fixture.aws.loadBalancer().test().history().getLast().weights())
                .containsEntry("demo-app-green", 100);
        assertNoProductionTrafficOnGreen();
        Thread.sleep(fixture.aws.settings().timeScale().realMinutes(3).toMillis());
        assertThat(deployment(fixture.codeDeploy, id).status()).as("it waits").isEqualTo(DeploymentStatus.READY);

        fixture.codeDeploy.continueDeployment(
                r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.READY_WAIT));

        DeploymentInfo done = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.SUCCEEDED);
        assertThat(done.blueGreenDeploymentConfiguration()
                        .deploymentReadyOption()
                        .waitTimeInMinutes())
                .isEqualTo(30);
        assertThatThrownBy(() -> fixture.codeDeploy.continueDeployment(
                        r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.READY_WAIT)))
                .isInstanceOf(DeploymentAlreadyCompletedException.class);
    }

    @Test
    void aReadyWaitThatRunsOutStopsTheDeploymentBeforeAnyProductionTraffic() throws Exception {
        fixture = LocalAwsFixture.start(60, false);
        fixture.aws.deployments().group().readyWaitMinutes(2);
        String id = release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0");

        DeploymentInfo stopped = Eventually.await(
                RELEASE_TIMEOUT,
                () -> deployment(fixture.codeDeploy, id),
                info -> info.status() == DeploymentStatus.STOPPED);

        assertThat(stopped.errorInformation().codeAsString()).isEqualTo("TIMEOUT");
        assertThat(stopped.errorInformation().message()).contains("wait time of 2 minutes");
        assertNoProductionTrafficOnGreen();
        assertThat(fixture.codeDeploy
                        .getDeploymentGroup(r -> r.applicationName("demo-app").deploymentGroupName("demo-app"))
                        .deploymentGroupInfo()
                        .blueGreenDeploymentConfiguration()
                        .deploymentReadyOption())
                .satisfies(option -> {
                    assertThat(option.actionOnTimeoutAsString()).isEqualTo("STOP_DEPLOYMENT");
                    assertThat(option.waitTimeInMinutes()).isEqualTo(2);
                });
    }

    private java.util.Optional<ECSTaskSet> greenTaskSet(String id) {
        return fixture
                .codeDeploy
                .getDeploymentTarget(r -> r.deploymentId(id).targetId("ecs-canary:demo-app"))
                .deploymentTarget()
                .ecsTarget()
                .taskSetsInfo()
                .stream()
                .filter(t -> t.taskSetLabel() == TargetLabel.GREEN)
                .findFirst();
    }

    private void assertNoProductionTrafficOnGreen() {
        assertThat(fixture.aws.loadBalancer().production().history())
                .allSatisfy(change -> assertThat(change.weights().getOrDefault("demo-app-green", 0))
                        .isZero());
    }

    private void assertAllTrafficOnTheOriginalBlueTaskSet() {
        var rule = fixture.elb
                .describeRules(r ->
                        r.listenerArn(fixture.aws.loadBalancer().production().arn()))
                .rules()
                .getFirst();
        assertThat(rule.actions().getFirst().forwardConfig().targetGroups())
                .allSatisfy(tg ->
                        assertThat(tg.weight()).isEqualTo(tg.targetGroupArn().contains("demo-app-blue") ? 100 : 0));
        List<TaskSet> taskSets = Eventually.await(
                RELEASE_TIMEOUT,
                () -> fixture.ecs
                        .describeTaskSets(r -> r.cluster("ecs-canary").service("demo-app"))
                        .taskSets(),
                list -> list.size() == 1);
        assertThat(taskSets.getFirst().status()).isEqualTo("PRIMARY");
        assertThat(taskSets.getFirst().externalId()).isNull();
    }
}

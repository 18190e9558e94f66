package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.localaws.codedeploy.Deployment;
import dev.ecscanary.localaws.ecs.TaskSet;
import dev.ecscanary.localaws.elb.TargetGroup;
import dev.ecscanary.localaws.rehearsal.ControllerClient;
import dev.ecscanary.localaws.rehearsal.Rehearsal;
import dev.ecscanary.localaws.support.DeployScript;
import dev.ecscanary.localaws.support.Eventually;
import dev.ecscanary.localaws.support.RehearsalFixture;
import dev.ecscanary.localaws.traffic.ClientStats;
import dev.ecscanary.localaws.wire.FaultInjector;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The rehearsal end to end: the real controller (its own JVM, real SDK clients, endpoint override) releases the
 * real demo app on the local AWS while the traffic generator plays the users. Time scale 60: a minute per second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RehearsalEndToEndTest {

    private static final Duration RELEASE = Duration.ofSeconds(150);
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "ROLLED_BACK", "FAILED");

    private Rehearsal rehearsal;
    private LocalAws aws;
    private ControllerClient controller;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        rehearsal = RehearsalFixture.start(60, 40);
        rehearsal.printLiveStatus(System.out);
        aws = rehearsal.aws();
        controller = new ControllerClient(rehearsal.controller().url());
    }

    @AfterAll
    void stop() {
        if (rehearsal != null) {
            rehearsal.close();
        }
    }

    @BeforeEach
    void quietAlarm() {
        Eventually.await(Duration.ofSeconds(30), () -> aws.alarmState().orElse("?"), "OK"::equals);
    }

    @Test
    @Order(1)
    void aHealthyReleaseSucceedsAfterTenTrafficStepsWithZeroClientErrors() {
        long failedBefore = failed();
        TargetGroup original = aws.loadBalancer().productionTargetGroup();

        String id = release("demo-app:2.0.0", 0);
        JsonNode done = controller.awaitStatus(id, TERMINAL, RELEASE);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(latestDeployment().trafficSteps()).isEqualTo(10);
        assertThat(latestDeployment().status()).isEqualTo("Succeeded");
        assertThat(aws.loadBalancer().production().weightOf(aws.loadBalancer().other(original)))
                .isEqualTo(100);
        assertOneTaskSetRunning("demo-app:2.0.0");
        assertThat(failed() - failedBefore)
                .as("client requests that failed during the healthy release")
                .isZero();
    }

    @Test
    @Order(2)
    void aFaultyReleaseIsRolledBackByTheAlarmWithAllTrafficBackOnBlue() {
        ClientStats.Counts before = rehearsal.traffic().stats().total();
        TargetGroup original = aws.loadBalancer().productionTargetGroup();
        String originalImage = primaryImage();

        String id = release("demo-app:2.0.0-faulty", 1);
        JsonNode done = controller.awaitStatus(id, TERMINAL, RELEASE);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("ROLLED_BACK");
        Deployment stopped = latestUserDeployment();
        assertThat(stopped.status()).isEqualTo("Stopped");
        assertThat(stopped.errorCode())
                .as("the controller stopped it, not CodeDeploy")
                .isEqualTo("MANUAL_STOP");
        assertThat(aws.loadBalancer().production().weightOf(original)).isEqualTo(100);
        assertOneTaskSetRunning(originalImage);
        ClientStats.Counts after = rehearsal.traffic().stats().total();
        ClientStats.Counts faulty = rehearsal.traffic().stats().byVersion().get("2.0.0-faulty");
        long failedDuringRelease = after.failed() - before.failed();
        System.out.printf(
                "faulty release: %d of %d client requests failed during the release, %d of them answered by the faulty version%n",
                failedDuringRelease, after.total() - before.total(), faulty.failed());
        assertThat(faulty.failed())
                .as("the faulty version's failures that the alarm saw")
                .isPositive();
        assertThat(faulty.total())
                .as("requests the faulty version answered before the rollback")
                .isLessThan((after.total() - before.total()) / 2);
    }

    @Test
    @Order(3)
    void aReleaseSurvivesAControllerRestartInTheMiddle() throws Exception {
        long failedBefore = failed();

        String id = controller.release("demo-app:1.1.0");
        Eventually.await(
                RELEASE,
                () -> aws.deployments()
                        .active()
                        .map(d -> d.target().replacementWeight())
                        .orElse(0.0),
                w -> w >= 20);
        rehearsal.controller().kill();
        Thread.sleep(aws.settings().timeScale().realMinutes(2).toMillis());
        rehearsal.controller().start(Duration.ofSeconds(180));
        JsonNode done = controller.awaitStatus(id, TERMINAL, RELEASE);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertOneTaskSetRunning("demo-app:1.1.0");
        assertThat(failed() - failedBefore).isZero();
    }

    @Test
    @Order(4)
    void theDeploymentGroupsOwnAlarmRollbackWorksWithTheControllerStopped() throws Exception {
        TargetGroup original = aws.loadBalancer().productionTargetGroup();
        String originalImage = primaryImage();
        aws.deployments().group().alarmMonitoringEnabled(true);
        try {
            String id = controller.release("demo-app:2.0.0-faulty");
            Eventually.await(
                    RELEASE,
                    () -> aws.deployments().active().map(d -> d.creator()).orElse(""),
                    "user"::equals);
            rehearsal.controller().kill();

            Deployment stopped =
                    Eventually.await(RELEASE, this::latestUserDeployment, d -> "Stopped".equals(d.status()));
            assertThat(stopped.errorCode()).isEqualTo("ALARM_ACTIVE");
            Eventually.await(
                    RELEASE,
                    () -> aws.deployments()
                            .find(stopped.rollbackDeploymentId())
                            .orElseThrow()
                            .status(),
                    "Succeeded"::equals);
            assertThat(aws.loadBalancer().production().weightOf(original)).isEqualTo(100);
            assertOneTaskSetRunning(originalImage);

            rehearsal.controller().start(Duration.ofSeconds(180));
            JsonNode done = controller.awaitStatus(id, TERMINAL, RELEASE);
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("ROLLED_BACK");
        } finally {
            aws.deployments().group().alarmMonitoringEnabled(false);
        }
    }

    @Test
    @Order(5)
    void aReleaseRidesOutThrottlingAndServerErrorsFromAws() {
        long failedBefore = failed();
        String id = controller.release("demo-app:2.0.0");
        Eventually.await(
                RELEASE,
                () -> aws.deployments()
                        .active()
                        .map(d -> d.target().replacementWeight())
                        .orElse(0.0),
                w -> w >= 10);
        aws.faults()
                .arm(
                        "BatchGetDeployments",
                        FaultInjector.Kind.THROTTLE,
                        4); // the tick's read of every release's status
        aws.faults().arm("DescribeAlarms", FaultInjector.Kind.SERVER_ERROR, 4);
        aws.faults().arm("BatchGetDeploymentTargets", FaultInjector.Kind.THROTTLE, 2);
        JsonNode done = controller.awaitStatus(id, TERMINAL, RELEASE);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(aws.faults().remaining().values())
                .as("every injected fault was met")
                .allMatch(left -> left == 0);
        assertOneTaskSetRunning("demo-app:2.0.0");
        assertThat(failed() - failedBefore).isZero();
    }

    private long failed() {
        return rehearsal.traffic().stats().total().failed();
    }

    private String primaryImage() {
        return aws.ecs().primary().map(TaskSet::image).orElseThrow();
    }

    /**
     * Releases through {@code scripts/deploy}, the client the deploy workflow runs, and checks its exit code: 0 only
     * for SUCCEEDED, 1 for ROLLED_BACK. Where python3 is missing, releases through the API instead.
     */
    private String release(String image, int expectedExitCode) {
        if (!DeployScript.available()) {
            System.out.println("python3 not found: releasing " + image + " through the API instead of scripts/deploy");
            return controller.release(image);
        }
        DeployScript.Outcome outcome =
                DeployScript.release(rehearsal.controller().url(), ControllerClient.CI_TOKEN, image, RELEASE);
        assertThat(outcome.exitCode())
                .as("scripts/deploy exit code for %s:%n%s", image, outcome.output())
                .isEqualTo(expectedExitCode);
        assertThat(outcome.deploymentId()).as(outcome.output()).isNotBlank();
        return outcome.deploymentId();
    }

    private void assertOneTaskSetRunning(String image) {
        List<TaskSet> taskSets =
                Eventually.await(Duration.ofSeconds(30), () -> aws.ecs().taskSets(), sets -> sets.size() == 1);
        assertThat(taskSets.getFirst().image()).isEqualTo(image);
        assertThat(taskSets.getFirst().status()).isEqualTo("PRIMARY");
    }

    private Deployment latestDeployment() {
        return aws.deployments().all().stream()
                .max(Comparator.comparing(Deployment::createTime))
                .orElseThrow();
    }

    private Deployment latestUserDeployment() {
        return aws.deployments().all().stream()
                .filter(d -> d.creator().equals("user"))
                .max(Comparator.comparing(Deployment::createTime))
                .orElseThrow();
    }
}

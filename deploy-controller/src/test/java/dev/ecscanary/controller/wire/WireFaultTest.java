package dev.ecscanary.controller.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static dev.ecscanary.controller.aws.AwsWireProtocol.CODEDEPLOY_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.StopState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Throttling and 5xx on each AWS call of a release, over the wire: a short burst is absorbed by the SDK's retries,
 * a lasting one is put on the record as an AWS problem, and nothing is started, promoted or stopped twice meanwhile.
 */
class WireFaultTest extends WireScenarioSupport {

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GetDeploymentGroup",
                "DescribeServices",
                "DescribeTargetGroups",
                "DescribeAlarms",
                "RegisterTaskDefinition",
                "CreateDeployment",
                "GetDeployment",
                "BatchGetDeploymentTargets",
                "DescribeRules",
                "StopDeployment"
            })
    void throttlingThenAServerErrorOnTheCallIsRetriedByTheSdkAndTheReleaseRollsBackAsIfNothingHappened(String operation)
            throws Exception {
        double retriesBefore = retries(operation);
        aws.faults().next(operation, WireFault.THROTTLING, WireFault.SERVER_ERROR);

        UUID id = startRelease();
        shiftAndWatch(10);
        world.setAlarm(ALARM, "ALARM", clock.instant());
        minute();
        world.completeRollback(SERVICE);
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).as("events %s", d.events()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(eventTypes(d))
                .doesNotContain(EventType.AWS_UNAVAILABLE, EventType.STOP_UNANSWERED, EventType.STOP_RESENT);
        assertThat(aws.faults().pending(operation)).as("both faults were met").isZero();
        assertThat(retries(operation) - retriesBefore)
                .as("attempts beyond the first, by the SDK")
                .isEqualTo(2);
        assertThat(world.stopsApplied(SERVICE)).isEqualTo(1);
        assertThat(world.releases(SERVICE)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
        "GetDeploymentGroup, SERVER_ERROR",
        "DescribeServices, THROTTLING",
        "DescribeTargetGroups, SERVER_ERROR",
        "DescribeAlarms, THROTTLING"
    })
    void aPreflightCallThatStaysUnavailableAnswers503AndStartsNothing(String operation, WireFault fault)
            throws Exception {
        aws.faults().always(operation, fault);

        postRelease(BODY, null)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value(endsWith("aws-unavailable")))
                .andExpect(jsonPath("$.detail").value(containsString(operation)));

        assertThat(releases.list(SERVICE, null, 10)).isEmpty();
        assertThat(aws.received("RegisterTaskDefinition") + aws.received("CreateDeployment"))
                .isZero();
        aws.faults().heal(operation);
        assertThat(deployment(startRelease()).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @CsvSource({"RegisterTaskDefinition, THROTTLING", "CreateDeployment, SERVER_ERROR"})
    void aStartCallThatStaysUnavailableKeepsTheReleasePendingUntilAwsAnswersThenStartsItOnce(
            String operation, WireFault fault) throws Exception {
        aws.faults().always(operation, fault);
        UUID id = idOf(postRelease(BODY, null).andExpect(status().isAccepted()));
        awaitFirstStep(id);
        reconciler.tick();

        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.PENDING);
        assertThat(d.awsProblem()).contains(operation);
        assertThat(world.releases(SERVICE)).isEmpty();

        aws.faults().heal(operation);
        awaitStarted(id);
        d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(d.awsProblem()).isNull();
        assertThat(eventTypes(d)).contains(EventType.AWS_UNAVAILABLE, EventType.AWS_AVAILABLE);
        assertThat(world.releases(SERVICE)).containsExactly(d.codeDeployDeploymentId());
        assertThat(world.registeredImages()).containsExactly(IMAGE);
    }

    /** {@code operations}: the calls that fail, separated by '|'; the record names the last of them. */
    @ParameterizedTest
    @CsvSource({
        "BatchGetDeployments|GetDeployment, THROTTLING",
        "BatchGetDeploymentTargets, SERVER_ERROR",
        "DescribeRules, THROTTLING"
    })
    void aWatchCallThatStaysUnavailablePromotesNothingUntilAwsAnswers(String operations, WireFault fault)
            throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10);
        world.succeed(SERVICE);
        List<String> failing = List.of(operations.split("\\|"));
        String operation = failing.getLast();
        failing.forEach(op -> aws.faults().always(op, fault));
        minute();
        minute();

        Deployment d = deployment(id);
        assertThat(d.status())
                .as("CodeDeploy says Succeeded, but it cannot be verified")
                .isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(d.awsProblem()).contains(operation).contains("unavailable");
        assertThat(d.trafficPercent()).isEqualTo(10);

        failing.forEach(op -> aws.faults().heal(op));
        minute();
        d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(d.awsProblem()).isNull();
        assertThat(eventTypes(d)).contains(EventType.AWS_UNAVAILABLE, EventType.AWS_AVAILABLE);
    }

    @Test
    void aFailingBatchReadOfCodeDeployCostsOnlySpeed() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10);
        world.succeed(SERVICE);
        aws.faults().always("BatchGetDeployments", WireFault.SERVER_ERROR);
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).as("read with GetDeployment instead").isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(d.awsProblem()).isNull();
        assertThat(aws.received("GetDeployment")).as("the fallback").isPositive();
    }

    @Test
    void alarmsThatCannotBeReadAreInconclusiveNeverAPass() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10);
        aws.faults().always("DescribeAlarms", WireFault.SERVER_ERROR);
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(d.awsProblem()).isEqualTo("CloudWatch alarms could not be read");
        assertThat(d.inconclusiveSince()).isEqualTo(clock.instant());

        aws.faults().heal("DescribeAlarms");
        minute();
        d = deployment(id);
        assertThat(d.awsProblem()).isNull();
        assertThat(d.inconclusiveSince()).isNull();
        assertThat(eventTypes(d)).contains(EventType.INCONCLUSIVE, EventType.CONCLUSIVE);
        aws.server().verify(exactly(0), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
    }

    @Test
    void aStopThatGetsNoAnswerIsSentAgainAfterTheConfirmWaitAndCodeDeployStopsOnce() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10);
        aws.faults().always("StopDeployment", WireFault.SERVER_ERROR);
        world.setAlarm(ALARM, "ALARM", clock.instant());
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.stopState()).isEqualTo(StopState.REQUESTED);
        assertThat(eventTypes(d)).contains(EventType.STOP_UNANSWERED);
        assertThat(world.stopsApplied(SERVICE)).isZero();

        aws.faults().heal("StopDeployment");
        minute(); // past the stop-confirm wait, CodeDeploy still shows no stop: it is sent again
        d = deployment(id);
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(eventTypes(d)).contains(EventType.STOP_RESENT);
        assertThat(world.stopsApplied(SERVICE)).isEqualTo(1);
        aws.server()
                .verify(exactly(4), CODEDEPLOY_JSON.requestsOf("StopDeployment")); // 3 attempts unanswered, 1 resend

        world.completeRollback(SERVICE);
        minute();
        assertThat(deployment(id).status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
    }

    /** HTTP attempts beyond the first of each call of the operation, so far: the SDK's retries. */
    private double retries(String operation) {
        double attempts = meters.find("controller.aws.attempts").tag("operation", operation).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        double calls = meters.find("controller.aws.calls").tag("operation", operation).timers().stream()
                .mapToDouble(Timer::count)
                .sum();
        return attempts - calls;
    }
}

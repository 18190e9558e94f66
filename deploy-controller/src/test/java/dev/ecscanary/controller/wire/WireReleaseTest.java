package dev.ecscanary.controller.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static dev.ecscanary.controller.aws.AwsWireProtocol.CODEDEPLOY_JSON;
import static dev.ecscanary.controller.aws.AwsWireProtocol.ECS_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.deployment.StopState;
import dev.ecscanary.controller.fakes.TestCallers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whole releases over the wire: the controller's real adapters and SDK clients against the stand-in AWS. */
class WireReleaseTest extends WireScenarioSupport {

    @Test
    void fullTenStepReleaseSucceeds() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        world.succeed(SERVICE);
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).as("events %s", d.events()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(d.reason()).contains("verified on the load balancer");
        assertThat(d.trafficPercent()).isEqualTo(100);
        assertThat(d.phases())
                .as("events %s", d.events())
                .extracting(Phase::trafficPercent)
                .containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(d.phases()).allSatisfy(p -> assertThat(p.alarmStates()).containsEntry(ALARM, AlarmState.OK));
        assertThat(d.phases().getLast().outcome()).isEqualTo(PhaseOutcome.SUCCEEDED);
        assertThat(world.registeredImages()).containsExactly(IMAGE);
        assertThat(world.releases(SERVICE)).containsExactly(d.codeDeployDeploymentId());
        assertThat(world.description(d.codeDeployDeploymentId()))
                .contains(IMAGE)
                .contains(id.toString());
        aws.server()
                .verify(
                        exactly(1),
                        ECS_JSON.requestsOf("RegisterTaskDefinition").withRequestBody(containing(IMAGE)));
        aws.server()
                .verify(
                        exactly(1),
                        CODEDEPLOY_JSON
                                .requestsOf("CreateDeployment")
                                .withRequestBody(
                                        containing(
                                                "\"deploymentConfigName\":\"CodeDeployDefault.ECSLinear10PercentEvery1Minutes\""))
                                .withRequestBody(containing("\"revisionType\":\"AppSpecContent\"")));
        aws.server().verify(exactly(0), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
    }

    @Test
    void alarmFiringAtTheThirdStepStopsTheDeploymentOnceAndFollowsItToRolledBack() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10, 20, 30);
        Instant fired = clock.instant().minusSeconds(3);
        world.setAlarm(ALARM, "ALARM", fired);
        minute();
        Instant stoppedAt = clock.instant();
        minute(); // a second look at the firing alarm must not stop again

        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(d.reason())
                .contains("alarm " + ALARM + " is in ALARM")
                .contains("phase 3")
                .contains("30% traffic")
                .contains(IMAGE);
        assertThat(d.rollbackDeploymentId())
                .isEqualTo(world.rollbackOf(d.codeDeployDeploymentId()).orElseThrow());
        aws.server()
                .verify(
                        exactly(1),
                        CODEDEPLOY_JSON
                                .requestsOf("StopDeployment")
                                .withRequestBody(equalToJson("{\"deploymentId\":\"" + d.codeDeployDeploymentId()
                                        + "\",\"autoRollbackEnabled\":true}")));

        assertThat(d.rollbackLifecycleEvents())
                .as("the rollback deployment's own target, read over the wire")
                .extracting(e -> e.name() + "=" + e.status())
                .contains("AllowTraffic=InProgress", "AfterAllowTraffic=Pending");
        assertThat(d.lifecycleEvents())
                .extracting(e -> e.name() + "=" + e.status())
                .contains("AllowTraffic=Failed");
        aws.server()
                .verify(CODEDEPLOY_JSON
                        .requestsOf("BatchGetDeploymentTargets")
                        .withRequestBody(equalToJson("{\"deploymentId\":\"" + d.rollbackDeploymentId()
                                + "\",\"targetIds\":[\"ecs-canary:demo-app\"]}")));

        world.completeRollback(SERVICE);
        minute();
        d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(d.trafficPercent()).isZero();
        assertThat(d.rollbackLifecycleEvents())
                .hasSize(8)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo("Succeeded"));
        assertThat(d.phases().get(3).outcome()).isEqualTo(PhaseOutcome.ROLLED_BACK);
        assertThat(d.phases().get(3).alarmStates()).containsEntry(ALARM, AlarmState.ALARM);
        mvc.perform(get("/api/deployments/" + id).with(TestCallers.reader()))
                .andExpect(jsonPath("$.status").value("ROLLED_BACK"))
                .andExpect(jsonPath("$.safetyNet.stopState").value("ACCEPTED"))
                .andExpect(jsonPath("$.safetyNet.alarmChangedAt").value(fired.toString()))
                .andExpect(jsonPath("$.safetyNet.stopRequestedAt").value(stoppedAt.toString()))
                .andExpect(jsonPath("$.safetyNet.trafficRestoredAt")
                        .value(clock.instant().toString()))
                .andExpect(jsonPath("$.safetyNet.detectionMillis").value(63_000))
                .andExpect(jsonPath("$.safetyNet.restoreMillis").value(120_000));
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
        assertThat(world.stopsApplied(SERVICE)).isEqualTo(1);
    }

    @Test
    void codeDeploysOwnRollbackIsFollowedAndNeverStoppedAgain() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10, 20);
        world.stopByOwnAlarm(SERVICE);
        world.setAlarm(ALARM, "ALARM", clock.instant());
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.reason())
                .contains("CodeDeploy stopped the deployment itself")
                .contains("ALARM_ACTIVE");
        assertThat(d.stopState()).isEqualTo(StopState.NONE);

        world.completeRollback(SERVICE);
        minute();
        assertThat(deployment(id).status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        aws.server().verify(exactly(0), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
    }

    @Test
    void insufficientDataUnderTheDefaultPolicyRollsBackOnceTheGraceIsSpent() throws Exception {
        UUID id = startRelease();
        world.shiftTo(SERVICE, 10);
        world.setAlarm(ALARM, "INSUFFICIENT_DATA", clock.instant());
        minute();
        assertThat(deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(deployment(id).inconclusiveSince()).isEqualTo(clock.instant());
        minute();
        assertThat(deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        aws.server().verify(exactly(0), CODEDEPLOY_JSON.requestsOf("StopDeployment"));

        minute(); // two minutes of INSUFFICIENT_DATA: the default grace is spent
        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.reason())
                .contains("policy ROLL_BACK")
                .contains("INSUFFICIENT_DATA")
                .contains("10% traffic");
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
        mvc.perform(get("/api/deployments/" + id).with(TestCallers.reader()))
                .andExpect(jsonPath("$.analysis.inconclusivePolicy").value("ROLL_BACK"));
    }

    @Test
    void aSecondReleaseWhileOneIsInFlightIsRefusedWith409() throws Exception {
        UUID id = startRelease();

        postRelease(BODY.replace("2.0.0", "2.0.1"), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("deployment-in-flight")))
                .andExpect(jsonPath("$.inFlightDeploymentId").value(id.toString()));

        aws.server().verify(exactly(1), ECS_JSON.requestsOf("RegisterTaskDefinition"));
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("CreateDeployment"));
        assertThat(world.releases(SERVICE)).hasSize(1);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstDeploymentAndStartsNothing() throws Exception {
        UUID id = idOf(postRelease(BODY, "ci-run-42")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "false")));
        awaitStarted(id);

        UUID replayed = idOf(postRelease(BODY, "ci-run-42")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true")));
        postRelease(BODY.replace("2.0.0", "2.0.1"), "ci-run-42")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(endsWith("idempotency-key-reused")));

        assertThat(replayed).isEqualTo(id);
        assertThat(deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("CreateDeployment"));
        aws.server().verify(exactly(1), ECS_JSON.requestsOf("RegisterTaskDefinition"));
    }

    @Test
    void aCreateDeploymentWhoseAnswerWasLostIsFoundAgainNotCreatedTwice() throws Exception {
        aws.faults().next("CreateDeployment", WireFault.LOSE_ANSWER);

        UUID id = startRelease();

        Deployment d = deployment(id);
        assertThat(world.releases(SERVICE)).containsExactly(d.codeDeployDeploymentId());
        assertThat(eventTypes(d)).contains(EventType.CODEDEPLOY_FOUND);
        assertThat(aws.received("ListDeployments")).isPositive();
        shiftAndWatch(10);
        assertThat(deployment(id).trafficPercent()).isEqualTo(10);
    }

    @Test
    void aReleaseWhoseAlarmFiresIsStoppedBeforeTheOtherReleasesInFlightAreLookedAt() throws Exception {
        UUID other = idOf(postRelease(BODY.replace("demo-app", SharedStandIn.OTHER_SERVICE), null));
        awaitStarted(other);
        clock.advance(java.time.Duration.ofSeconds(1));
        UUID demo = startRelease(); // the newer release: a tick in store order would look at it first
        world.shiftTo(SharedStandIn.OTHER_SERVICE, 10);
        world.shiftTo(SERVICE, 10);
        minute();
        world.setAlarm(SharedStandIn.OTHER_SERVICE + "-success-rate", "ALARM", clock.instant());
        aws.server().resetRequests();
        minute();

        List<String> calls = aws.server().getAllServeEvents().reversed().stream()
                .map(e -> e.getRequest().getHeader("X-Amz-Target") + " "
                        + e.getRequest().getBodyAsString())
                .filter(call -> call.startsWith("CodeDeploy_20141006."))
                .toList();
        String stopOther = "StopDeployment {\"deploymentId\":\"" + codeDeployId(other) + "\"";
        // the firing release is looked at, and stopped, before any read that concerns the other release
        String lookAtDemo = "\"" + codeDeployId(demo) + "\"";
        assertThat(indexOf(calls, stopOther))
                .as("CodeDeploy calls of the tick: %s", calls)
                .isNotNegative()
                .isLessThan(indexOf(calls, lookAtDemo));
        assertThat(deployment(other).status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(deployment(demo).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    private static int indexOf(List<String> calls, String call) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).contains(call)) {
                return i;
            }
        }
        return -1;
    }
}

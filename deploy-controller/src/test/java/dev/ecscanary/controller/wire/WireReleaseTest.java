package dev.ecscanary.controller.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static dev.ecscanary.controller.aws.AwsWireProtocol.CODEDEPLOY_JSON;
import static dev.ecscanary.controller.aws.AwsWireProtocol.ECS_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.StopState;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whole releases over the wire: the controller's real adapters and SDK clients against the stand-in AWS. Only what
 * the wire adds is checked here (requests as AWS receives them, lost answers, the order of calls); the domain of each
 * scenario is deployment/ReleaseScenarioTest's, on the fakes.
 */
class WireReleaseTest extends WireScenarioSupport {

    /** The domain of a whole release is ReleaseScenarioTest's; here, what goes over the wire for one. */
    @Test
    void aReleaseRegistersTheTaskDefinitionCreatesTheDeploymentAndIsVerifiedOnTheLoadBalancer() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10, 50, 100);
        world.succeed(SERVICE);
        minute();

        Deployment d = deployment(id);
        assertThat(d.status()).as("events %s", d.events()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(d.reason()).contains("verified on the load balancer");
        assertThat(d.phases()).extracting(Phase::trafficPercent).containsExactly(0, 10, 50, 100);
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

    /** The domain of this rollback is ReleaseScenarioTest's; here, the stop and the rollback's reads on the wire. */
    @Test
    void alarmFiringAtTheThirdStepStopsTheDeploymentOnceAndFollowsItToRolledBack() throws Exception {
        UUID id = startRelease();
        shiftAndWatch(10, 20, 30);
        world.setAlarm(ALARM, "ALARM", clock.instant().minusSeconds(3));
        minute();
        minute(); // a second look at the firing alarm must not stop again

        Deployment d = deployment(id);
        assertThat(d.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(d.reason()).contains("alarm " + ALARM + " is in ALARM");
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
        assertThat(d.phases().get(3).alarmStates())
                .as("the alarm state read over the wire")
                .containsEntry(ALARM, AlarmState.ALARM);
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
        assertThat(world.stopsApplied(SERVICE)).isEqualTo(1);
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

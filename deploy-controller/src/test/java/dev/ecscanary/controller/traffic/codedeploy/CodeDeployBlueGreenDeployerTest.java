package dev.ecscanary.controller.traffic.codedeploy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static dev.ecscanary.controller.aws.AwsWireProtocol.CODEDEPLOY_JSON;
import static dev.ecscanary.controller.aws.AwsWireProtocol.JSON_CONTENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.aws.AdapterWireTest;
import dev.ecscanary.controller.aws.AwsOperation;
import dev.ecscanary.controller.aws.AwsService;
import dev.ecscanary.controller.aws.AwsTestRig;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.CodeDeployStatus;
import dev.ecscanary.controller.traffic.ContinueOutcome;
import dev.ecscanary.controller.traffic.DeploymentGroup;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import dev.ecscanary.controller.traffic.NewDeployment;
import dev.ecscanary.controller.traffic.StopOutcome;
import dev.ecscanary.controller.traffic.TaskSetInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * CodeDeploy over awsJson 1.1 as SDK 2.40.2 speaks it. Response shapes follow the CodeDeploy API reference
 * (https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_DeploymentGroupInfo.html, API_DeploymentInfo.html,
 * API_ECSTarget.html, API_ECSTaskSet.html, API_StopDeployment.html) and the member names of the 2.40.2 model
 * classes ({@code SdkField.locationName}), e.g. ECSTaskSet's misspelt {@code identifer}.
 */
class CodeDeployBlueGreenDeployerTest extends AdapterWireTest {

    private static final String GROUP = """
            {"deploymentGroupInfo":{
              "applicationName":"demo-app","deploymentGroupId":"5b2f6c3e-8f1a-4b0c-9d7e-2a1b3c4d5e6f","deploymentGroupName":"demo-app",
              "deploymentConfigName":"CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
              "serviceRoleArn":"arn:aws:iam::123456789012:role/ecs-canary-codedeploy",
              "alarmConfiguration":{"enabled":true,"ignorePollAlarmFailure":false,"alarms":[{"name":"demo-app-success-rate"}]},
              "autoRollbackConfiguration":{"enabled":true,"events":["DEPLOYMENT_FAILURE","DEPLOYMENT_STOP_ON_ALARM"]},
              "deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"},
              "blueGreenDeploymentConfiguration":{
                "terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":5},
                "deploymentReadyOption":{"actionOnTimeout":"CONTINUE_DEPLOYMENT","waitTimeInMinutes":0}},
              "loadBalancerInfo":{"targetGroupPairInfoList":[{
                "targetGroups":[{"name":"demo-app-blue"},{"name":"demo-app-green"}],
                "prodTrafficRoute":{"listenerArns":["arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/ecs-canary/50dc6c495c0c9188/f2f7dc8efc522ab2"]},
                "testTrafficRoute":{"listenerArns":["arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/ecs-canary/50dc6c495c0c9188/9683b2d02a6cabee"]}}]},
              "computePlatform":"ECS",
              "ecsServices":[{"serviceName":"demo-app","clusterName":"ecs-canary"}]}}
            """;
    private static final String DEPLOYMENT = """
            {"deploymentInfo":{
              "applicationName":"demo-app","deploymentGroupName":"demo-app",
              "deploymentConfigName":"CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
              "deploymentId":"d-4KQ9P2XYZ","status":"Stopped",
              "errorInformation":{"code":"ALARM_ACTIVE","message":"One or more alarms have been activated"},
              "createTime":1795428000.123,"startTime":1795428001.0,"completeTime":1795428300.5,
              "creator":"user","description":"demo-app 1.4.2",
              "rollbackInfo":{"rollbackDeploymentId":"d-7ROLLBACK","rollbackMessage":"Rolled back by alarm"},
              "deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"},
              "computePlatform":"ECS"}}
            """;
    private static final String TARGETS = """
            {"deploymentTargets":[{"deploymentTargetType":"ECSTarget","ecsTarget":{
              "deploymentId":"d-4KQ9P2XYZ","targetId":"ecs-canary:demo-app",
              "targetArn":"arn:aws:ecs:eu-central-1:123456789012:service/ecs-canary/demo-app",
              "lastUpdatedAt":1795428120.0,"status":"InProgress",
              "lifecycleEvents":[
                {"lifecycleEventName":"BeforeInstall","startTime":1795428001.0,"endTime":1795428002.0,"status":"Succeeded"},
                {"lifecycleEventName":"Install","startTime":1795428002.0,"endTime":1795428060.0,"status":"Succeeded"},
                {"lifecycleEventName":"AllowTraffic","startTime":1795428060.0,"status":"InProgress"}],
              "taskSetsInfo":[
                {"identifer":"ecs-svc/1111111111111111111","desiredCount":2,"pendingCount":0,"runningCount":2,"status":"PRIMARY",
                 "trafficWeight":70.0,"targetGroup":{"name":"demo-app-blue"},"taskSetLabel":"Blue"},
                {"identifer":"ecs-svc/2222222222222222222","desiredCount":2,"pendingCount":1,"runningCount":1,"status":"ACTIVE",
                 "trafficWeight":30.0,"targetGroup":{"name":"demo-app-green"},"taskSetLabel":"Green"}]}}]}
            """;

    private CodeDeployBlueGreenDeployer deployer;

    @Override
    protected SdkAutoCloseable connectAdapters(AwsTestRig rig) {
        CodeDeployClient client = rig.clients.codeDeploy();
        deployer = new CodeDeployBlueGreenDeployer(client, rig.guard);
        return client;
    }

    @Test
    void describesTheEcsBlueGreenGroupWithItsRoutesTargetGroupsAlarmAndRollbackEvents() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("GetDeploymentGroup")
                .willReturn(CODEDEPLOY_JSON.ok("GetDeploymentGroup", GROUP)));

        DeploymentGroup group = deployer.describeGroup("demo-app", "demo-app").orElseThrow();

        server.verify(CODEDEPLOY_JSON
                .requestsOf("GetDeploymentGroup")
                .withHeader("Content-Type", equalTo(JSON_CONTENT_TYPE))
                .withRequestBody(
                        equalToJson("{\"applicationName\":\"demo-app\",\"deploymentGroupName\":\"demo-app\"}")));
        assertThat(group.isEcsBlueGreen()).isTrue();
        assertThat(group.deploysEcsService("ecs-canary", "demo-app")).isTrue();
        assertThat(group.productionListenerArns())
                .containsExactly(
                        "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/ecs-canary/50dc6c495c0c9188/f2f7dc8efc522ab2");
        assertThat(group.testListenerArns())
                .containsExactly(
                        "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/ecs-canary/50dc6c495c0c9188/9683b2d02a6cabee");
        assertThat(group.targetGroupNames()).containsExactly("demo-app-blue", "demo-app-green");
        assertThat(group.alarmMonitoringEnabled()).isTrue();
        assertThat(group.alarmNames()).containsExactly("demo-app-success-rate");
        assertThat(group.autoRollbackEvents()).isEqualTo(Set.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"));
        assertThat(group.waitsForReady())
                .as("CONTINUE_DEPLOYMENT reroutes at once")
                .isFalse();
    }

    @Test
    void inPlaceGroupWithoutLoadBalancerOrAlarmsIsNotEcsBlueGreen() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("GetDeploymentGroup")
                .willReturn(CODEDEPLOY_JSON.ok("GetDeploymentGroup", """
                {"deploymentGroupInfo":{"applicationName":"legacy","deploymentGroupName":"web","computePlatform":"Server",
                 "deploymentStyle":{"deploymentType":"IN_PLACE","deploymentOption":"WITHOUT_TRAFFIC_CONTROL"},
                 "autoRollbackConfiguration":{"enabled":false,"events":["DEPLOYMENT_FAILURE"]}}}
                """)));

        DeploymentGroup group = deployer.describeGroup("legacy", "web").orElseThrow();

        assertThat(group.isEcsBlueGreen()).isFalse();
        assertThat(group.ecsServices()).isEmpty();
        assertThat(group.productionListenerArns()).isEmpty();
        assertThat(group.alarmMonitoringEnabled()).isFalse();
        assertThat(group.autoRollbackEvents())
                .as("rollback disabled: its events do not apply")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ApplicationDoesNotExistException", "DeploymentGroupDoesNotExistException"})
    void groupIsAbsentWhenApplicationOrGroupDoesNotExist(String errorCode) {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("GetDeploymentGroup")
                .willReturn(CODEDEPLOY_JSON.error(400, errorCode, "No such thing")));

        assertThat(deployer.describeGroup("demo-app", "nope")).isEmpty();
    }

    @Test
    void createsDeploymentWithTheAppSpecAsContentAndItsSha256() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("CreateDeployment")
                .willReturn(CODEDEPLOY_JSON.ok("CreateDeployment", "{\"deploymentId\":\"d-4KQ9P2XYZ\"}")));

        String id = deployer.createDeployment(new NewDeployment(
                "demo-app",
                "demo-app",
                "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                "version: 0.0\nResources: []\n",
                "ab12cd",
                "demo-app 1.4.2"));

        assertThat(id).isEqualTo("d-4KQ9P2XYZ");
        server.verify(CODEDEPLOY_JSON.requestsOf("CreateDeployment").withRequestBody(equalToJson("""
                {"applicationName":"demo-app","deploymentGroupName":"demo-app",
                 "deploymentConfigName":"CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                 "description":"demo-app 1.4.2",
                 "revision":{"revisionType":"AppSpecContent","appSpecContent":{"content":"version: 0.0\\nResources: []\\n","sha256":"ab12cd"}}}
                """)));
    }

    @Test
    void snapshotCarriesStatusErrorRollbackLinkLifecycleEventsAndBothTaskSets() {
        server.stubFor(
                CODEDEPLOY_JSON.stubFor("GetDeployment").willReturn(CODEDEPLOY_JSON.ok("GetDeployment", DEPLOYMENT)));
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("BatchGetDeploymentTargets")
                .willReturn(CODEDEPLOY_JSON.ok("BatchGetDeploymentTargets", TARGETS)));

        CodeDeploySnapshot snapshot = deployer.describeDeployment("d-4KQ9P2XYZ", "ecs-canary:demo-app");

        server.verify(CODEDEPLOY_JSON
                .requestsOf("GetDeployment")
                .withRequestBody(equalToJson("{\"deploymentId\":\"d-4KQ9P2XYZ\"}")));
        server.verify(CODEDEPLOY_JSON
                .requestsOf("BatchGetDeploymentTargets")
                .withRequestBody(
                        equalToJson("{\"deploymentId\":\"d-4KQ9P2XYZ\",\"targetIds\":[\"ecs-canary:demo-app\"]}")));
        assertThat(snapshot.status()).isEqualTo(CodeDeployStatus.STOPPED);
        assertThat(snapshot.errorCode()).isEqualTo("ALARM_ACTIVE");
        assertThat(snapshot.errorMessage()).isEqualTo("One or more alarms have been activated");
        assertThat(snapshot.rollbackDeploymentId()).isEqualTo("d-7ROLLBACK");
        assertThat(snapshot.rollbackMessage()).isEqualTo("Rolled back by alarm");
        assertThat(snapshot.creator()).isEqualTo("user");
        assertThat(snapshot.createTime()).isEqualTo(Instant.ofEpochMilli(1795428000123L));
        assertThat(snapshot.completeTime()).isEqualTo(Instant.ofEpochMilli(1795428300500L));
        assertThat(snapshot.lifecycleEvents())
                .containsExactly(
                        new LifecycleEvent(
                                "BeforeInstall",
                                "Succeeded",
                                Instant.ofEpochSecond(1795428001),
                                Instant.ofEpochSecond(1795428002)),
                        new LifecycleEvent(
                                "Install",
                                "Succeeded",
                                Instant.ofEpochSecond(1795428002),
                                Instant.ofEpochSecond(1795428060)),
                        new LifecycleEvent("AllowTraffic", "InProgress", Instant.ofEpochSecond(1795428060), null));
        assertThat(snapshot.original())
                .contains(
                        new TaskSetInfo("ecs-svc/1111111111111111111", "Blue", "demo-app-blue", 70.0, 2, 2, "PRIMARY"));
        assertThat(snapshot.replacement())
                .contains(new TaskSetInfo(
                        "ecs-svc/2222222222222222222", "Green", "demo-app-green", 30.0, 2, 1, "ACTIVE"));
    }

    @Test
    void aDeploymentReadWithoutItsTargetIsOneGetDeploymentCarryingStatusAndRollbackLinks() {
        server.stubFor(
                CODEDEPLOY_JSON.stubFor("GetDeployment").willReturn(CODEDEPLOY_JSON.ok("GetDeployment", DEPLOYMENT)));
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("BatchGetDeploymentTargets")
                .willReturn(CODEDEPLOY_JSON.ok("BatchGetDeploymentTargets", TARGETS)));

        CodeDeploySnapshot snapshot = deployer.describeDeployment("d-4KQ9P2XYZ");

        server.verify(
                1,
                CODEDEPLOY_JSON
                        .requestsOf("GetDeployment")
                        .withRequestBody(equalToJson("{\"deploymentId\":\"d-4KQ9P2XYZ\"}")));
        server.verify(0, CODEDEPLOY_JSON.requestsOf("BatchGetDeploymentTargets"));
        assertThat(snapshot.status()).isEqualTo(CodeDeployStatus.STOPPED);
        assertThat(snapshot.rollbackDeploymentId()).isEqualTo("d-7ROLLBACK");
        assertThat(snapshot.lifecycleEvents()).isEmpty();
        assertThat(snapshot.taskSets()).isEmpty();
    }

    /** BatchGetDeployments: {deploymentIds} (at most 25) -> {deploymentsInfo}; an id CodeDeploy does not know is left out. */
    @Test
    void batchReadAsksForAllIdsInOneCallAndCompletesEachWithItsTargetOnly() {
        String first = DEPLOYMENT
                .strip()
                .substring("{\"deploymentInfo\":".length(), DEPLOYMENT.strip().length() - 1);
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("BatchGetDeployments")
                .willReturn(CODEDEPLOY_JSON.ok(
                        "BatchGetDeployments",
                        "{\"deploymentsInfo\":[" + first + ",{\"deploymentId\":\"d-8SECOND\",\"status\":\"InProgress\","
                                + "\"createTime\":1795428000}]}")));
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("BatchGetDeploymentTargets")
                .willReturn(CODEDEPLOY_JSON.ok("BatchGetDeploymentTargets", TARGETS)));

        var read = deployer.describeDeployments(List.of("d-4KQ9P2XYZ", "d-8SECOND", "d-9UNKNOWN"));
        CodeDeploySnapshot completed = deployer.withTarget(read.get("d-4KQ9P2XYZ"), "ecs-canary:demo-app");

        server.verify(
                1,
                CODEDEPLOY_JSON
                        .requestsOf("BatchGetDeployments")
                        .withRequestBody(
                                equalToJson("{\"deploymentIds\":[\"d-4KQ9P2XYZ\",\"d-8SECOND\",\"d-9UNKNOWN\"]}")));
        server.verify(0, CODEDEPLOY_JSON.requestsOf("GetDeployment"));
        assertThat(read).containsOnlyKeys("d-4KQ9P2XYZ", "d-8SECOND");
        assertThat(read.get("d-8SECOND").status()).isEqualTo(CodeDeployStatus.IN_PROGRESS);
        assertThat(read.get("d-4KQ9P2XYZ").lifecycleEvents()).isEmpty();
        assertThat(completed.status()).isEqualTo(CodeDeployStatus.STOPPED);
        assertThat(completed.rollbackDeploymentId()).isEqualTo("d-7ROLLBACK");
        assertThat(completed.lifecycleEvents()).hasSize(3);
        assertThat(completed.replacement()).map(TaskSetInfo::trafficWeight).contains(30.0);
    }

    @Test
    void batchReadRefusesMoreIdsThanCodeDeployTakes() {
        List<String> ids =
                java.util.stream.IntStream.range(0, 26).mapToObj(i -> "d-" + i).toList();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployer.describeDeployments(ids))
                .isInstanceOf(IllegalArgumentException.class);
        server.verify(0, CODEDEPLOY_JSON.requestsOf("BatchGetDeployments"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeploymentNotStartedException", "DeploymentTargetDoesNotExistException"})
    void snapshotOfADeploymentWithoutTargetYetHasNoLifecycleEventsNorTaskSets(String errorCode) {
        server.stubFor(
                CODEDEPLOY_JSON
                        .stubFor("GetDeployment")
                        .willReturn(
                                CODEDEPLOY_JSON.ok(
                                        "GetDeployment",
                                        "{\"deploymentInfo\":{\"deploymentId\":\"d-4KQ9P2XYZ\",\"status\":\"Created\",\"createTime\":1795428000}}")));
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("BatchGetDeploymentTargets")
                .willReturn(CODEDEPLOY_JSON.error(400, errorCode, "not yet")));

        CodeDeploySnapshot snapshot = deployer.describeDeployment("d-4KQ9P2XYZ", "ecs-canary:demo-app");

        assertThat(snapshot.status()).isEqualTo(CodeDeployStatus.CREATED);
        assertThat(snapshot.lifecycleEvents()).isEmpty();
        assertThat(snapshot.taskSets()).isEmpty();
        assertThat(snapshot.errorCode()).isNull();
        assertThat(snapshot.rollbackDeploymentId()).isNull();
    }

    @Test
    void stopAsksCodeDeployToRollBackAutomatically() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("StopDeployment")
                .willReturn(CODEDEPLOY_JSON.ok(
                        "StopDeployment", "{\"status\":\"Pending\",\"statusMessage\":\"Stop request received\"}")));

        StopOutcome outcome = deployer.stopAndRollBack("d-4KQ9P2XYZ");

        server.verify(CODEDEPLOY_JSON
                .requestsOf("StopDeployment")
                .withRequestBody(equalToJson("{\"deploymentId\":\"d-4KQ9P2XYZ\",\"autoRollbackEnabled\":true}")));
        assertThat(outcome).isEqualTo(new StopOutcome(false, "Pending", "Stop request received"));
    }

    @Test
    void stoppingACompletedDeploymentReportsAlreadyCompletedInsteadOfFailing() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("StopDeployment")
                .willReturn(CODEDEPLOY_JSON.error(
                        400,
                        "DeploymentAlreadyCompletedException",
                        "The deployment d-4KQ9P2XYZ has already completed.")));

        StopOutcome outcome = deployer.stopAndRollBack("d-4KQ9P2XYZ");

        assertThat(outcome.alreadyCompleted()).isTrue();
        assertThat(outcome.message()).contains("already completed");
        assertThat(rig.guard.state(AwsService.CODEDEPLOY))
                .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }

    /** ContinueDeployment (API_ContinueDeployment.html): {deploymentId, deploymentWaitType}, an empty answer. */
    @Test
    void continueLetsAReadyDeploymentTakeProductionTraffic() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("ContinueDeployment")
                .willReturn(CODEDEPLOY_JSON.ok("ContinueDeployment", "{}")));

        assertThat(deployer.continueToProduction("d-4KQ9P2XYZ")).isEqualTo(ContinueOutcome.CONTINUED);

        server.verify(
                1,
                CODEDEPLOY_JSON
                        .requestsOf("ContinueDeployment")
                        .withRequestBody(equalToJson(
                                "{\"deploymentId\":\"d-4KQ9P2XYZ\",\"deploymentWaitType\":\"READY_WAIT\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeploymentIsNotInReadyStateException", "DeploymentAlreadyCompletedException"})
    void continuingADeploymentThatNoLongerWaitsSaysSoInsteadOfFailing(String errorCode) {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("ContinueDeployment")
                .willReturn(CODEDEPLOY_JSON.error(400, errorCode, "The deployment is not in the Ready state.")));

        ContinueOutcome outcome = deployer.continueToProduction("d-4KQ9P2XYZ");

        assertThat(outcome)
                .isEqualTo(
                        errorCode.startsWith("DeploymentIsNotInReady")
                                ? ContinueOutcome.NOT_READY
                                : ContinueOutcome.ALREADY_COMPLETED);
        assertThat(rig.guard.state(AwsService.CODEDEPLOY))
                .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }

    @Test
    void aGroupThatStopsUnlessContinuedWaitsItsReadyWaitTime() {
        server.stubFor(CODEDEPLOY_JSON
                .stubFor("GetDeploymentGroup")
                .willReturn(CODEDEPLOY_JSON.ok(
                        "GetDeploymentGroup",
                        GROUP.replace(
                                "\"actionOnTimeout\":\"CONTINUE_DEPLOYMENT\",\"waitTimeInMinutes\":0",
                                "\"actionOnTimeout\":\"STOP_DEPLOYMENT\",\"waitTimeInMinutes\":15"))));

        DeploymentGroup group = deployer.describeGroup("demo-app", "demo-app").orElseThrow();

        assertThat(group.readyWaitMinutes()).isEqualTo(15);
        assertThat(group.waitsForReady()).isTrue();
    }

    static Stream<String> operations() {
        return Stream.of(
                "ContinueDeployment",
                "GetDeploymentGroup",
                "CreateDeployment",
                "GetDeployment",
                "BatchGetDeployments",
                "BatchGetDeploymentTargets",
                "StopDeployment");
    }

    @Override
    protected AwsOperation operation(String name) {
        List<AwsOperation> all = allOperations();
        faults.stubSuccess(all);
        return all.stream().filter(op -> op.name().equals(name)).findFirst().orElseThrow();
    }

    private List<AwsOperation> allOperations() {
        return List.of(
                op(
                        "GetDeploymentGroup",
                        GROUP,
                        "InvalidDeploymentGroupNameException",
                        () -> deployer.describeGroup("demo-app", "demo-app")),
                op(
                        "CreateDeployment",
                        "{\"deploymentId\":\"d-4KQ9P2XYZ\"}",
                        "DeploymentLimitExceededException",
                        () -> deployer.createDeployment(
                                new NewDeployment("demo-app", "demo-app", null, "{}", "44136fa3", null))),
                op(
                        "GetDeployment",
                        DEPLOYMENT,
                        "InvalidDeploymentIdException",
                        () -> deployer.describeDeployment("d-4KQ9P2XYZ", "ecs-canary:demo-app")),
                op(
                        "BatchGetDeployments",
                        "{\"deploymentsInfo\":[]}",
                        "InvalidDeploymentIdException",
                        () -> deployer.describeDeployments(List.of("d-4KQ9P2XYZ"))),
                op(
                        "BatchGetDeploymentTargets",
                        TARGETS,
                        "InvalidDeploymentTargetIdException",
                        () -> deployer.describeDeployment("d-4KQ9P2XYZ", "ecs-canary:demo-app")),
                op(
                        "ContinueDeployment",
                        "{}",
                        "InvalidDeploymentWaitTypeException",
                        () -> deployer.continueToProduction("d-4KQ9P2XYZ")),
                op(
                        "StopDeployment",
                        "{\"status\":\"Pending\"}",
                        "UnsupportedActionForDeploymentTypeException",
                        () -> deployer.stopAndRollBack("d-4KQ9P2XYZ")));
    }

    private static AwsOperation op(String name, String body, String rejection, Runnable invoke) {
        return new AwsOperation(CODEDEPLOY_JSON, AwsService.CODEDEPLOY, name, body, rejection, invoke);
    }
}

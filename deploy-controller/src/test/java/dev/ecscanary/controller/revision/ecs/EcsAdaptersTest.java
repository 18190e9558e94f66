package dev.ecscanary.controller.revision.ecs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static dev.ecscanary.controller.aws.AwsWireProtocol.ECS_JSON;
import static dev.ecscanary.controller.aws.AwsWireProtocol.JSON_CONTENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.aws.AdapterWireTest;
import dev.ecscanary.controller.aws.AwsOperation;
import dev.ecscanary.controller.aws.AwsService;
import dev.ecscanary.controller.aws.AwsTestRig;
import dev.ecscanary.controller.revision.EcsServiceReader.EcsService;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * ECS over awsJson 1.1 as SDK 2.40.2 speaks it. Shapes follow the ECS API reference
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html, API_DescribeServices.html,
 * API_Service.html, API_TaskSet.html, API_Failure.html) and the 2.40.2 model's member names.
 */
class EcsAdaptersTest extends AdapterWireTest {

    /** The repository's taskdef.json.tpl rendered, plus members the template does not use, to show none is dropped. */
    private static final String TASK_DEFINITION = """
            {
              "family": "demo-app",
              "networkMode": "awsvpc",
              "requiresCompatibilities": ["FARGATE"],
              "cpu": "256",
              "memory": "512",
              "executionRoleArn": "arn:aws:iam::123456789012:role/demo-app-execution",
              "taskRoleArn": "arn:aws:iam::123456789012:role/demo-app-task",
              "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64"},
              "ephemeralStorage": {"sizeInGiB": 30},
              "tags": [{"key": "release", "value": "1.4.2"}],
              "containerDefinitions": [
                {
                  "name": "demo-app",
                  "image": "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:1.4.2",
                  "essential": true,
                  "memoryReservation": 256,
                  "portMappings": [{"containerPort": 3000, "protocol": "tcp"}],
                  "environment": [
                    {"name": "PORT", "value": "3000"},
                    {"name": "APP_VERSION", "value": "1.4.2"},
                    {"name": "APP_IMAGE", "value": "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:1.4.2"}
                  ],
                  "secrets": [{"name": "DATABASE_URL", "valueFrom": "arn:aws:secretsmanager:eu-central-1:123456789012:secret:demo-app-db"}],
                  "dockerLabels": {"dev.ecscanary.release": "1.4.2"},
                  "ulimits": [{"name": "nofile", "softLimit": 65536, "hardLimit": 65536}],
                  "healthCheck": {
                    "command": ["CMD-SHELL", "curl -fsS -o /dev/null http://localhost:3000/health || exit 1"],
                    "interval": 15, "timeout": 5, "retries": 3, "startPeriod": 60
                  },
                  "logConfiguration": {
                    "logDriver": "awslogs",
                    "options": {"awslogs-group": "/ecs/demo-app", "awslogs-region": "eu-central-1", "awslogs-stream-prefix": "demo-app"}
                  }
                }
              ]
            }
            """;

    private static final String REGISTERED = """
            {"taskDefinition":{
              "taskDefinitionArn":"arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7",
              "family":"demo-app","revision":7,"status":"ACTIVE","networkMode":"awsvpc",
              "containerDefinitions":[{"name":"demo-app","image":"123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:1.4.2"}],
              "requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","registeredAt":1795428000.5},
             "tags":[{"key":"release","value":"1.4.2"}]}
            """;
    private static final String SERVICE = """
            {"services":[{
              "serviceArn":"arn:aws:ecs:eu-central-1:123456789012:service/ecs-canary/demo-app",
              "serviceName":"demo-app","clusterArn":"arn:aws:ecs:eu-central-1:123456789012:cluster/ecs-canary",
              "status":"ACTIVE","desiredCount":2,"runningCount":2,"pendingCount":0,"launchType":"FARGATE",
              "taskDefinition":"arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:5",
              "deploymentController":{"type":"CODE_DEPLOY"},
              "loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/demo-app-blue/73e2d6bc24d8a067","containerName":"demo-app","containerPort":3000}],
              "taskSets":[
                {"id":"ecs-svc/2222222222222222222","status":"ACTIVE","externalId":"d-4KQ9P2XYZ","startedBy":"CODE_DEPLOY",
                 "taskDefinition":"arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7",
                 "scale":{"value":100.0,"unit":"PERCENT"},"stabilityStatus":"STABILIZING"},
                {"id":"ecs-svc/1111111111111111111","status":"PRIMARY","startedBy":"CODE_DEPLOY",
                 "taskDefinition":"arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:6",
                 "scale":{"value":100.0,"unit":"PERCENT"},"stabilityStatus":"STEADY_STATE"}]}],
             "failures":[]}
            """;

    private EcsTaskDefinitionRegistry registry;
    private EcsDescribeServicesReader services;

    @Override
    protected SdkAutoCloseable connectAdapters(AwsTestRig rig) {
        EcsClient client = rig.clients.ecs();
        registry = new EcsTaskDefinitionRegistry(client, rig.guard);
        services = new EcsDescribeServicesReader(client, rig.guard);
        return client;
    }

    @Test
    void registersTheRenderedTaskDefinitionExactlyAsWrittenAndReturnsTheRevisionArn() {
        server.stubFor(ECS_JSON.stubFor("RegisterTaskDefinition")
                .willReturn(ECS_JSON.ok("RegisterTaskDefinition", REGISTERED)));

        String arn = registry.register(TASK_DEFINITION);

        assertThat(arn).isEqualTo("arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7");
        server.verify(ECS_JSON.requestsOf("RegisterTaskDefinition")
                .withHeader("Content-Type", equalTo(JSON_CONTENT_TYPE))
                .withRequestBody(equalToJson(TASK_DEFINITION)));
    }

    @Test
    void unknownFieldIsRefusedByNameBeforeAnythingIsSent() {
        assertThatThrownBy(() -> registry.register(
                        "{\"family\":\"demo-app\",\"containerDefinitions\":[],\"compatibilities\":[\"FARGATE\"]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field 'compatibilities'")
                .hasMessageContaining("RegisterTaskDefinitionRequest");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        assertThatThrownBy(() -> registry.register("""
                {"family":"demo-app","containerDefinitions":[{"name":"demo-app","portMapping":[{"containerPort":3000}]}]}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field 'containerDefinitions[0].portMapping'")
                .hasMessageContaining("ContainerDefinition");
    }

    @Test
    void valueOfTheWrongTypeIsNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> registry.register("{\"family\":\"demo-app\",\"cpu\":256,\"containerDefinitions\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'cpu' must be a string");
        assertThatThrownBy(() -> registry.register(
                        "{\"family\":\"demo-app\",\"containerDefinitions\":[{\"essential\":\"yes\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'containerDefinitions[0].essential' must be true or false");
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> registry.register("{\"family\": \"demo-app\","))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void describesACodeDeployServiceWithThePrimaryTaskSetsTaskDefinition() {
        server.stubFor(ECS_JSON.stubFor("DescribeServices").willReturn(ECS_JSON.ok("DescribeServices", SERVICE)));

        EcsService service = services.describe("ecs-canary", "demo-app").orElseThrow();

        server.verify(ECS_JSON.requestsOf("DescribeServices")
                .withRequestBody(equalToJson("{\"cluster\":\"ecs-canary\",\"services\":[\"demo-app\"]}")));
        assertThat(service)
                .isEqualTo(new EcsService(
                        "arn:aws:ecs:eu-central-1:123456789012:service/ecs-canary/demo-app",
                        "ACTIVE",
                        "CODE_DEPLOY",
                        "arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:6"));
        assertThat(service.isCodeDeployControlled()).isTrue();
    }

    @Test
    void serviceWithoutTaskSetsOrControllerIsAnEcsRollingServiceOnItsOwnTaskDefinition() {
        server.stubFor(ECS_JSON.stubFor("DescribeServices").willReturn(ECS_JSON.ok("DescribeServices", """
                {"services":[{"serviceArn":"arn:aws:ecs:eu-central-1:123456789012:service/ecs-canary/worker","serviceName":"worker",
                  "status":"ACTIVE","taskDefinition":"arn:aws:ecs:eu-central-1:123456789012:task-definition/worker:3"}],"failures":[]}
                """)));

        EcsService service = services.describe("ecs-canary", "worker").orElseThrow();

        assertThat(service.deploymentController()).isEqualTo("ECS");
        assertThat(service.taskDefinitionArn())
                .isEqualTo("arn:aws:ecs:eu-central-1:123456789012:task-definition/worker:3");
        assertThat(service.isCodeDeployControlled()).isFalse();
    }

    @Test
    void missingServiceIsAbsent() {
        server.stubFor(ECS_JSON.stubFor("DescribeServices").willReturn(ECS_JSON.ok("DescribeServices", """
                {"services":[],"failures":[{"arn":"arn:aws:ecs:eu-central-1:123456789012:service/ecs-canary/nope","reason":"MISSING"}]}
                """)));

        assertThat(services.describe("ecs-canary", "nope")).isEmpty();
    }

    @Test
    void serviceInAMissingClusterIsAbsent() {
        server.stubFor(ECS_JSON.stubFor("DescribeServices")
                .willReturn(ECS_JSON.error(400, "ClusterNotFoundException", "Cluster not found.")));

        assertThat(services.describe("no-cluster", "demo-app")).isEmpty();
    }

    static Stream<String> operations() {
        return Stream.of("RegisterTaskDefinition", "DescribeServices");
    }

    @Override
    protected AwsOperation operation(String name) {
        List<AwsOperation> all = List.of(
                op("RegisterTaskDefinition", REGISTERED, "ClientException", () -> registry.register(TASK_DEFINITION)),
                op(
                        "DescribeServices",
                        SERVICE,
                        "InvalidParameterException",
                        () -> services.describe("ecs-canary", "demo-app")));
        faults.stubSuccess(all);
        return all.stream().filter(op -> op.name().equals(name)).findFirst().orElseThrow();
    }

    private static AwsOperation op(String name, String body, String rejection, Runnable invoke) {
        return new AwsOperation(ECS_JSON, AwsService.ECS, name, body, rejection, invoke);
    }
}

package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.blocks;
import static dev.ecscanary.infracheck.TerraformConfig.map;
import static dev.ecscanary.infracheck.TerraformConfig.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the release templates with the values the controller's configuration takes from Terraform's outputs,
 * and checks them against what Terraform builds: container, port, health check, log group, roles.
 */
class TemplatesAgreeWithTerraformTest {

    private static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:abc123";

    private final TerraformConfig terraform = TerraformConfig.load(RepositoryLayout.terraform());
    private final Map<String, Object> service = terraform.resource("aws_ecs_service", "demo_app");
    private final Map<String, Object> serviceLoadBalancer = map(service.get("load_balancer"));

    @Test
    void taskDefinitionNamesTheContainerAndPortTheServiceRegistersWithTheLoadBalancer() {
        JsonNode container =
                renderedTaskDefinition(List.of()).get("containerDefinitions").get(0);

        assertThat(container.get("name").asString())
                .isEqualTo(serviceLoadBalancer.get("container_name"))
                .isEqualTo("demo-app");
        assertThat(container.get("portMappings").get(0).get("containerPort").asInt())
                .isEqualTo(3000);
        assertThat(text(serviceLoadBalancer.get("container_port"))).isEqualTo("3000");
        assertThat(text(terraform.resource("aws_lb_target_group", "blue").get("port")))
                .isEqualTo("3000");
        assertThat(text(terraform.resource("aws_lb_target_group", "green").get("port")))
                .isEqualTo("3000");
        assertThat(environment(container))
                .containsEntry("PORT", "3000")
                .containsEntry("APP_IMAGE", IMAGE)
                .containsEntry("APP_VERSION", "abc123");
    }

    @Test
    void containerHealthCheckProbesThePathBothTargetGroupsCheck() {
        JsonNode container =
                renderedTaskDefinition(List.of()).get("containerDefinitions").get(0);
        String command = container.get("healthCheck").get("command").get(1).asString();

        for (String color : List.of("blue", "green")) {
            Map<String, Object> healthCheck =
                    map(terraform.resource("aws_lb_target_group", color).get("health_check"));
            assertThat(healthCheck.get("path")).isEqualTo("/health");
            assertThat(command).contains("http://localhost:3000" + healthCheck.get("path") + " ");
        }
    }

    @Test
    void firstRevisionFromTerraformIsTheContainerTheTemplateRenders() {
        JsonNode rendered =
                renderedTaskDefinition(List.of()).get("containerDefinitions").get(0);
        Map<String, Object> bootstrap = map(terraform.locals().get("demo_app_container"));

        assertThat(bootstrap.get("name")).isEqualTo(rendered.get("name").asString());
        assertThat(text(map(blocks(bootstrap.get("portMappings")).get(0)).get("containerPort")))
                .isEqualTo(
                        rendered.get("portMappings").get(0).get("containerPort").asString());
        assertThat(TerraformConfig.texts(map(bootstrap.get("healthCheck")).get("command")))
                .containsExactly(
                        rendered.get("healthCheck").get("command").get(0).asString(),
                        rendered.get("healthCheck").get("command").get(1).asString());
        Map<String, Object> logOptions =
                map(map(bootstrap.get("logConfiguration")).get("options"));
        assertThat(logOptions.get("awslogs-group")).isEqualTo("aws_cloudwatch_log_group.demo_app.name");
        assertThat(logOptions.get("awslogs-stream-prefix"))
                .isEqualTo(rendered.get("logConfiguration")
                        .get("options")
                        .get("awslogs-stream-prefix")
                        .asString());
    }

    @Test
    void logsGoToTheLogGroupTerraformCreatesInItsRegion() {
        JsonNode options = renderedTaskDefinition(List.of())
                .get("containerDefinitions")
                .get(0)
                .get("logConfiguration")
                .get("options");

        assertThat(terraform.outputValue("log_group_name")).isEqualTo("aws_cloudwatch_log_group.demo_app.name");
        assertThat(options.get("awslogs-group").asString())
                .isEqualTo(terraform
                        .resource("aws_cloudwatch_log_group", "demo_app")
                        .get("name"));
        assertThat(options.get("awslogs-region").asString())
                .isEqualTo(map(terraform.variables().get("region")).get("default"));
    }

    @Test
    void rolesAreTheOnesTerraformCreatesForTheTasksAndExportsToTheController() {
        Map<String, Object> taskDefinition = terraform.resource("aws_ecs_task_definition", "demo_app");
        Map<String, Object> variables = map(
                map(terraform.locals().get("demo_app_service_configuration")).get("variables"));

        assertThat(terraform.outputValue("task_execution_role_arn"))
                .isEqualTo(taskDefinition.get("execution_role_arn"))
                .isEqualTo(variables.get("executionRoleArn"))
                .isEqualTo("aws_iam_role.task_execution.arn");
        assertThat(terraform.outputValue("task_role_arn"))
                .isEqualTo(taskDefinition.get("task_role_arn"))
                .isEqualTo(variables.get("taskRoleArn"))
                .isEqualTo("aws_iam_role.task.arn");
        JsonNode rendered = renderedTaskDefinition(List.of());
        assertThat(rendered.get("executionRoleArn").asString()).isEqualTo("aws_iam_role.task_execution.arn");
        assertThat(rendered.get("taskRoleArn").asString()).isEqualTo("aws_iam_role.task.arn");
        assertThat(terraform.resource("aws_iam_role", "task_execution").get("assume_role_policy"))
                .isEqualTo("data.aws_iam_policy_document.ecs_tasks_assume.json");
    }

    @Test
    void taskDefinitionIsFargateWithTheControllersEnvironmentAppended() {
        JsonNode rendered = renderedTaskDefinition(List.of(
                Map.of("name", "DATABASE_URL", "value", "postgres://db/tasks?a=\"b\"", "last", false),
                Map.of("name", "FAULT_RATE", "value", "0", "last", true)));

        assertThat(rendered.get("requiresCompatibilities").get(0).asString()).isEqualTo("FARGATE");
        assertThat(rendered.get("networkMode").asString()).isEqualTo("awsvpc");
        assertThat(rendered.get("family").asString()).isEqualTo("demo-app");
        assertThat(environment(rendered.get("containerDefinitions").get(0)))
                .containsEntry("DATABASE_URL", "postgres://db/tasks?a=\"b\"")
                .containsEntry("FAULT_RATE", "0")
                .containsKey("PORT");
    }

    @Test
    void aMissingTemplateVariableIsAnErrorNotAnEmptyString() {
        Map<String, Object> incomplete = taskDefinitionVariables(List.of());
        incomplete.remove("logGroup");

        assertThatThrownBy(() -> ReleaseTemplates.render(RepositoryLayout.taskDefinitionTemplate(), incomplete))
                .hasStackTraceContaining("{{logGroup}}");
    }

    @Test
    void appSpecTargetsTheServicesContainerAndPort() {
        String rendered = ReleaseTemplates.render(
                RepositoryLayout.appSpecTemplate(),
                Map.of(
                        "taskDefinitionArn", "arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7",
                        "containerName", terraform.outputValue("container_name"),
                        "containerPort", Integer.parseInt(text(terraform.outputValue("container_port")))));
        Map<String, Object> appSpec = new Yaml().load(rendered);

        assertThat(text(appSpec.get("version"))).isEqualTo("0");
        Map<String, Object> target =
                map(map(((List<?>) appSpec.get("Resources")).get(0)).get("TargetService"));
        assertThat(target.get("Type")).isEqualTo("AWS::ECS::Service");
        Map<String, Object> properties = map(target.get("Properties"));
        assertThat(properties.get("TaskDefinition"))
                .isEqualTo("arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7");
        Map<String, Object> loadBalancerInfo = map(properties.get("LoadBalancerInfo"));
        assertThat(loadBalancerInfo.get("ContainerName")).isEqualTo(serviceLoadBalancer.get("container_name"));
        assertThat(loadBalancerInfo.get("ContainerPort")).isEqualTo(3000);
    }

    private JsonNode renderedTaskDefinition(List<Map<String, Object>> environment) {
        return JsonMapper.builder()
                .build()
                .readTree(ReleaseTemplates.render(
                        RepositoryLayout.taskDefinitionTemplate(), taskDefinitionVariables(environment)));
    }

    /** What the controller's configuration holds, taken from Terraform's outputs. */
    private Map<String, Object> taskDefinitionVariables(List<Map<String, Object>> environment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(
                "family",
                terraform.resource("aws_ecs_task_definition", "demo_app").get("family"));
        variables.put("image", IMAGE);
        variables.put("appVersion", "abc123");
        variables.put("containerName", terraform.outputValue("container_name"));
        variables.put("containerPort", Integer.parseInt(text(terraform.outputValue("container_port"))));
        variables.put("cpu", "256");
        variables.put("memory", "512");
        variables.put("executionRoleArn", terraform.outputValue("task_execution_role_arn"));
        variables.put("taskRoleArn", terraform.outputValue("task_role_arn"));
        variables.put(
                "logGroup",
                terraform.resource("aws_cloudwatch_log_group", "demo_app").get("name"));
        variables.put("region", map(terraform.variables().get("region")).get("default"));
        variables.put("environment", environment);
        return variables;
    }

    private static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new HashMap<>();
        container
                .get("environment")
                .forEach(e ->
                        environment.put(e.get("name").asString(), e.get("value").asString()));
        return environment;
    }
}

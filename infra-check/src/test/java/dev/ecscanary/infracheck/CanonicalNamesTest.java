package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.blocks;
import static dev.ecscanary.infracheck.TerraformConfig.map;
import static dev.ecscanary.infracheck.TerraformConfig.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names that Terraform, the rehearsal, the templates and the controller configuration share (COMMON.md). */
class CanonicalNamesTest {

    private final TerraformConfig terraform = TerraformConfig.load(RepositoryLayout.terraform());

    @Test
    void regionDefaultsToFrankfurt() {
        assertThat(map(terraform.variables().get("region")).get("default")).isEqualTo("eu-central-1");
    }

    @Test
    void clusterServiceAndTaskFamilyCarryTheCanonicalNames() {
        assertThat(terraform.resource("aws_ecs_cluster", "this").get("name")).isEqualTo("ecs-canary");
        assertThat(terraform.resource("aws_ecs_service", "demo_app").get("name"))
                .isEqualTo("demo-app");
        assertThat(terraform.resource("aws_ecs_task_definition", "demo_app").get("family"))
                .isEqualTo("demo-app");
        assertThat(terraform.resource("aws_cloudwatch_log_group", "demo_app").get("name"))
                .isEqualTo("/ecs/demo-app");
    }

    @Test
    void codeDeployReleasesWithTenPercentLinearSteps() {
        Map<String, Object> group = terraform.resource("aws_codedeploy_deployment_group", "this");
        assertThat(terraform.resource("aws_codedeploy_app", "this"))
                .containsEntry("name", "demo-app")
                .containsEntry("compute_platform", "ECS");
        assertThat(group.get("deployment_group_name")).isEqualTo("demo-app");
        assertThat(group.get("deployment_config_name")).isEqualTo("CodeDeployDefault.ECSLinear10PercentEvery1Minutes");
    }

    @Test
    void loadBalancerHasBlueAndGreenTargetGroupsAndTheTwoListenerPorts() {
        assertThat(terraform.resource("aws_lb", "this").get("name")).isEqualTo("ecs-canary");
        assertThat(terraform.resource("aws_lb_target_group", "blue").get("name"))
                .isEqualTo("demo-app-blue");
        assertThat(terraform.resource("aws_lb_target_group", "green").get("name"))
                .isEqualTo("demo-app-green");
        assertThat(text(terraform.resource("aws_lb_listener", "production").get("port")))
                .isEqualTo("80");
        assertThat(text(terraform.resource("aws_lb_listener", "test").get("port")))
                .isEqualTo("8080");
    }

    @Test
    void alarmIsTheSuccessRateOfTheLoadBalancerBelow99Point5ForTwoOfTwoMinutes() {
        Map<String, Object> alarm = terraform.resource("aws_cloudwatch_metric_alarm", "success_rate");
        assertThat(alarm.get("alarm_name")).isEqualTo("demo-app-success-rate");
        assertThat(alarm.get("comparison_operator")).isEqualTo("LessThanThreshold");
        assertThat(text(alarm.get("threshold"))).isEqualTo("99.5");
        assertThat(text(alarm.get("evaluation_periods"))).isEqualTo("2");
        assertThat(text(alarm.get("datapoints_to_alarm"))).isEqualTo("2");
        assertThat(alarm.get("treat_missing_data")).isIn("notBreaching", "breaching", "ignore", "missing");

        Map<String, Map<String, Object>> queries = new java.util.HashMap<>();
        blocks(alarm.get("metric_query")).forEach(q -> queries.put((String) q.get("id"), q));
        Map<String, Object> expression = queries.values().stream()
                .filter(q -> Boolean.TRUE.equals(q.get("return_data")))
                .findFirst()
                .orElseThrow();
        String math = (String) expression.get("expression");
        assertThat(math.replace(" ", "")).contains("100*(1-").contains("/requests)");
        assertThat(queries.get("requests").get("metric"))
                .satisfies(m -> assertThat(map(m))
                        .containsEntry("metric_name", "RequestCount")
                        .containsEntry("namespace", "AWS/ApplicationELB")
                        .containsEntry("stat", "Sum")
                        .containsEntry("dimensions", Map.of("LoadBalancer", "aws_lb.this.arn_suffix")));
        assertThat(queries.get("errors").get("metric"))
                .satisfies(m -> assertThat(map(m))
                        .containsEntry("metric_name", "HTTPCode_Target_5XX_Count")
                        .containsEntry("stat", "Sum")
                        .containsEntry("dimensions", Map.of("LoadBalancer", "aws_lb.this.arn_suffix")));
        assertThat(text(map(queries.get("requests").get("metric")).get("period")))
                .isEqualTo("60");
        assertThat(text(map(queries.get("errors").get("metric")).get("period"))).isEqualTo("60");
    }
}

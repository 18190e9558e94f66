package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terraform-aws-modules habits: pinned providers, typed and described variables, described outputs. */
class TerraformLayoutTest {

    private final TerraformConfig terraform = TerraformConfig.load(RepositoryLayout.terraform());

    @Test
    void moduleHasTheStandardFiles() {
        for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
            assertThat(Files.isRegularFile(RepositoryLayout.terraform().resolve(file)))
                    .as(file)
                    .isTrue();
        }
    }

    @Test
    void awsProviderIsPinnedToOneMajorVersion() {
        Map<String, Object> aws =
                map(map(terraform.terraformBlock().get("required_providers")).get("aws"));

        assertThat(aws.get("source")).isEqualTo("hashicorp/aws");
        assertThat((String) aws.get("version")).matches(">= 6\\.\\d+\\.\\d+, < 7\\.0\\.0");
        assertThat(terraform.terraformBlock().get("required_version")).isNotNull();
    }

    @Test
    void archiveProviderIsPinnedToOneMajorVersion() {
        Map<String, Object> archive =
                map(map(terraform.terraformBlock().get("required_providers")).get("archive"));

        assertThat(archive.get("source")).isEqualTo("hashicorp/archive");
        assertThat((String) archive.get("version")).matches(">= 2\\.\\d+\\.\\d+, < 3\\.0\\.0");
    }

    @Test
    void securityGroupDescriptionsUseOnlyCharactersEc2Accepts() {
        // EC2 refuses anything else ("Invalid characters in description"), an apostrophe included, at apply time.
        for (String type : List.of(
                "aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")) {
            assertThat(terraform.resourcesOfType(type))
                    .isNotEmpty()
                    .allSatisfy((name, resource) -> assertThat(
                                    (String) map(resource).get("description"))
                            .as("description of %s.%s", type, name)
                            .matches("[A-Za-z0-9 ._:/()#,@\\[\\]+=&;{}!$*-]{1,255}"));
        }
    }

    @Test
    void everyVariableHasATypeAndADescription() {
        assertThat(terraform.variables()).isNotEmpty().allSatisfy((name, variable) -> {
            assertThat(map(variable).get("type")).as("type of %s", name).isNotNull();
            assertThat((String) map(variable).get("description"))
                    .as("description of %s", name)
                    .isNotBlank();
        });
    }

    @Test
    void everyOutputIsDescribedAndTheControllerConfigurationIsExported() {
        assertThat(terraform.outputs())
                .allSatisfy((name, output) -> assertThat((String) map(output).get("description"))
                        .as("description of %s", name)
                        .isNotBlank());
        assertThat(terraform.outputs())
                .containsKeys(
                        "region",
                        "cluster_name",
                        "service_name",
                        "container_name",
                        "container_port",
                        "log_group_name",
                        "task_execution_role_arn",
                        "task_role_arn",
                        "codedeploy_application_name",
                        "codedeploy_deployment_group_name",
                        "alarm_name",
                        "ecr_repository_url",
                        "controller_url",
                        "github_deploy_role_arn",
                        "controller_configuration");
    }

    @Test
    void releasedServiceIgnoresOnlyWhatCodeDeployChanges() {
        Map<String, Object> service = terraform.resource("aws_ecs_service", "demo_app");

        assertThat(map(service.get("deployment_controller")).get("type")).isEqualTo("CODE_DEPLOY");
        assertThat(map(service.get("lifecycle")).get("ignore_changes"))
                .isEqualTo(List.of("task_definition", "load_balancer"));
        assertThat(map(service.get("network_configuration")).get("assign_public_ip"))
                .isEqualTo(false);
    }

    @Test
    void deploymentGroupRollsBackOnFailureAndOnTheAttachedAlarm() {
        Map<String, Object> group = terraform.resource("aws_codedeploy_deployment_group", "this");

        assertThat(map(group.get("auto_rollback_configuration")))
                .containsEntry("enabled", true)
                .containsEntry("events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"));
        assertThat(map(group.get("alarm_configuration")))
                .containsEntry("enabled", true)
                .containsEntry("alarms", List.of("aws_cloudwatch_metric_alarm.success_rate.alarm_name"));
        assertThat(map(group.get("deployment_style")))
                .containsEntry("deployment_type", "BLUE_GREEN")
                .containsEntry("deployment_option", "WITH_TRAFFIC_CONTROL");
    }
}

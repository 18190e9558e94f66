package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.localaws.cloudwatch.MetricAlarm;
import dev.ecscanary.localaws.cloudwatch.MetricQuery;
import dev.ecscanary.localaws.cloudwatch.SuccessRateAlarm;
import dev.ecscanary.localaws.support.Releases;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal takes its names from rehearsal-names.properties; this pins them to terraform/ and to the
 * controller's rehearsal profile, so that the rehearsal, AWS and the controller cannot drift apart: cluster,
 * service, target groups, listeners, alarm and its settings.
 */
class RehearsalNamesAgreeWithTerraformTest {

    private final RehearsalNames names = RehearsalNames.load();
    private final String main = terraform("main.tf");
    private final String alb = terraform("alb.tf");
    private final String alarms = terraform("alarms.tf");

    @Test
    void theResourceNamesAreTerraformsLocals() {
        assertThat(names.cluster()).isEqualTo(local("cluster_name"));
        assertThat(names.service()).isEqualTo(local("service_name"));
        assertThat(names.taskFamily()).isEqualTo(local("task_family"));
        assertThat(names.containerName()).isEqualTo(local("container_name"));
        assertThat(String.valueOf(names.containerPort())).isEqualTo(local("container_port"));
        assertThat(names.healthCheckPath()).isEqualTo(local("health_check_path"));
        assertThat(names.codeDeployApplication()).isEqualTo(local("codedeploy_application_name"));
        assertThat(names.deploymentGroup()).isEqualTo(local("codedeploy_deployment_group_name"));
        assertThat(names.deploymentConfig()).isEqualTo(local("deployment_config_name"));
        assertThat(names.loadBalancer()).isEqualTo(local("alb_name"));
        assertThat(names.targetGroupBlue()).isEqualTo(local("blue"));
        assertThat(names.targetGroupGreen()).isEqualTo(local("green"));
        assertThat(String.valueOf(names.productionListenerPort())).isEqualTo(local("production_listener_port"));
        assertThat(String.valueOf(names.testListenerPort())).isEqualTo(local("test_listener_port"));
        assertThat(names.alarm()).isEqualTo(local("alarm_name"));
    }

    @Test
    void theTargetGroupHealthChecksAreTerraforms() {
        assertThat(String.valueOf(names.healthCheckIntervalSeconds())).isEqualTo(attribute(alb, "interval"));
        assertThat(String.valueOf(names.healthCheckTimeoutSeconds())).isEqualTo(attribute(alb, "timeout"));
        assertThat(String.valueOf(names.healthyThreshold())).isEqualTo(attribute(alb, "healthy_threshold"));
        assertThat(String.valueOf(names.unhealthyThreshold())).isEqualTo(attribute(alb, "unhealthy_threshold"));
        assertThat(String.valueOf(names.deregistrationDelaySeconds()))
                .isEqualTo(attribute(alb, "deregistration_delay"));
    }

    @Test
    void theAlarmIsTerraformsMetricMathAlarm() {
        MetricAlarm alarm = SuccessRateAlarm.create(names, "app/ecs-canary/x");

        assertThat(alarm.comparisonOperator()).isEqualTo(attribute(alarms, "comparison_operator"));
        assertThat(alarm.threshold()).isEqualTo(Double.parseDouble(attribute(alarms, "threshold")));
        assertThat(String.valueOf(alarm.evaluationPeriods())).isEqualTo(attribute(alarms, "evaluation_periods"));
        assertThat(String.valueOf(alarm.datapointsToAlarm())).isEqualTo(attribute(alarms, "datapoints_to_alarm"));
        assertThat(alarm.treatMissingData()).isEqualTo(attribute(alarms, "treat_missing_data"));
        MetricQuery watched = alarm.metrics().stream()
                .filter(MetricQuery::returnData)
                .findFirst()
                .orElseThrow();
        assertThat(watched.expression()).isEqualTo(attribute(alarms, "expression"));
        assertThat(watched.id()).isEqualTo(attribute(alarms, "id"));
        for (MetricQuery query : alarm.metrics()) {
            assertThat(alarms).containsPattern("id\\s*=\\s*\"" + query.id() + "\"");
            if (query.metric() != null) {
                assertThat(alarms)
                        .containsPattern(
                                "metric_name\\s*=\\s*\"" + query.metric().name() + "\"");
                assertThat(String.valueOf(query.period())).isEqualTo(attribute(alarms, "period"));
            }
        }
    }

    @Test
    void theControllersRehearsalProfileNamesTheSameService() throws IOException {
        String profile = Files.readString(
                Releases.repoRoot().resolve("deploy-controller/src/main/resources/application-rehearsal.yml"));

        assertThat(yaml(profile, "cluster")).isEqualTo(names.cluster());
        assertThat(yaml(profile, "ecs-service")).isEqualTo(names.service());
        assertThat(yaml(profile, "application")).isEqualTo(names.codeDeployApplication());
        assertThat(yaml(profile, "deployment-group")).isEqualTo(names.deploymentGroup());
        assertThat(yaml(profile, "container-name")).isEqualTo(names.containerName());
        assertThat(yaml(profile, "container-port")).isEqualTo(String.valueOf(names.containerPort()));
        assertThat(profile).containsPattern("(?m)^\\s*-\\s*" + Pattern.quote(names.alarm()) + "\\s*$");
        assertThat(profile).containsPattern("(?m)^\\s{4}" + Pattern.quote(names.service()) + ":\\s*$");
    }

    /** The first {@code key: value} in a YAML text, without quotes. */
    private static String yaml(String text, String key) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + ":\\s*\"?([^\"\\s#]+)")
                .matcher(text);
        assertThat(matcher.find())
                .as(key + " in the controller's rehearsal profile")
                .isTrue();
        return matcher.group(1);
    }

    private String local(String name) {
        return attribute(main, name);
    }

    /** The first {@code name = value} in the file, without quotes. */
    private static String attribute(String hcl, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|([0-9.]+))")
                .matcher(hcl);
        assertThat(matcher.find()).as(name + " in terraform").isTrue();
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    }

    private static String terraform(String file) {
        try {
            return Files.readString(Releases.repoRoot().resolve("terraform").resolve(file));
        } catch (IOException e) {
            throw new AssertionError("terraform/" + file + " is needed to check the rehearsal's names: " + e);
        }
    }
}

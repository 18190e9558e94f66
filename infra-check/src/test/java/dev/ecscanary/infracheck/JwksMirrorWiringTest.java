package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.map;
import static dev.ecscanary.infracheck.TerraformConfig.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controller in AWS reads GitHub's OIDC key set from the mirror (terraform/jwks_mirror.tf): the URL in its task's
 * environment is built from the bucket the function writes to and the key it writes, and the function runs on a
 * schedule, once per apply, and under an alarm that notices when it stops succeeding.
 */
class JwksMirrorWiringTest {

    private static final String JWKS_URI_VARIABLE = "CONTROLLER_SECURITY_OIDC_JWKSURI";

    private final TerraformConfig terraform = TerraformConfig.load(RepositoryLayout.terraform());
    private final Map<String, Object> locals = terraform.locals();
    private final String key = (String) locals.get("jwks_mirror_key");
    private final String mirrorUrl = "https://aws_s3_bucket.jwks_mirror.bucket_regional_domain_name/" + key;

    @Test
    void controllerTaskGetsTheUrlOfTheObjectTheFunctionWrites() {
        Map<String, Object> lambdaEnvironment =
                map(map(terraform.resource("aws_lambda_function", "jwks_mirror").get("environment"))
                        .get("variables"));

        assertThat(key).isNotBlank();
        assertThat(map(locals.get("controller_task_environment"))).containsEntry(JWKS_URI_VARIABLE, mirrorUrl);
        assertThat(lambdaEnvironment)
                .containsEntry("MIRROR_BUCKET", "aws_s3_bucket.jwks_mirror.id")
                .containsEntry("MIRROR_KEY", key)
                .containsEntry("JWKS_SOURCE_URL", locals.get("github_oidc_issuer") + "/.well-known/jwks");
        assertThat(terraform.outputValue("controller_jwks_uri")).isEqualTo(mirrorUrl);
    }

    @Test
    void containerEnvironmentIsTheTaskEnvironmentMapIncludingTheJwksUri() throws Exception {
        String containers = (String)
                terraform.resource("aws_ecs_task_definition", "controller").get("container_definitions");
        JsonNode jwksUri = null;
        for (JsonNode entry :
                JsonMapper.builder().build().readTree(containers).get(0).get("environment")) {
            // hcl4j leaves `local.controller_task_environment[name]` as a reference whose text is this:
            assertThat(entry.get("value").get("name").asString()).isEqualTo("local.controller_task_environment.name");
            if (entry.get("name").asString().equals(JWKS_URI_VARIABLE)) {
                jwksUri = entry;
            }
        }

        assertThat(jwksUri)
                .as("%s in the controller container's environment", JWKS_URI_VARIABLE)
                .isNotNull();
    }

    @Test
    void springApplicationJsonLeavesTheJwksUriToTheTaskEnvironment() {
        // SPRING_APPLICATION_JSON outranks environment variables: a jwks-uri in it would silently hide the mirror.
        Map<String, Object> oidc =
                map(map(map(map(locals.get("controller_configuration")).get("controller"))
                                .get("security"))
                        .get("oidc"));

        assertThat(oidc).containsKey("audience").doesNotContainKeys("jwksUri", "jwks-uri", "jwks_uri");
    }

    @Test
    void functionRefreshesEveryMinuteAndOncePerApply() {
        Map<String, Object> rule = terraform.resource("aws_cloudwatch_event_rule", "jwks_mirror");
        Map<String, Object> permission = terraform.resource("aws_lambda_permission", "jwks_mirror_schedule");
        Map<String, Object> invocation = terraform.resource("aws_lambda_invocation", "jwks_mirror");

        assertThat(rule.get("schedule_expression")).isEqualTo("rate(1 minute)");
        assertThat(terraform.resource("aws_cloudwatch_event_target", "jwks_mirror"))
                .containsEntry("rule", "aws_cloudwatch_event_rule.jwks_mirror.name")
                .containsEntry("arn", "aws_lambda_function.jwks_mirror.arn");
        assertThat(permission)
                .containsEntry("principal", "events.amazonaws.com")
                .containsEntry("source_arn", "aws_cloudwatch_event_rule.jwks_mirror.arn")
                .containsEntry("function_name", "aws_lambda_function.jwks_mirror.function_name");
        assertThat(invocation).containsEntry("function_name", "aws_lambda_function.jwks_mirror.function_name");
        assertThat(map(invocation.get("triggers")))
                .containsEntry("code", "data.archive_file.jwks_mirror.output_base64sha256");
    }

    @Test
    void functionRunsThePackagedMirrorOutsideTheVpc() {
        Map<String, Object> function = terraform.resource("aws_lambda_function", "jwks_mirror");

        assertThat(terraform.data("archive_file", "jwks_mirror").get("source_file"))
                .isEqualTo("path.module/jwks-mirror/mirror.py");
        assertThat(function)
                .containsEntry("handler", "mirror.handler")
                .containsEntry("source_code_hash", "data.archive_file.jwks_mirror.output_base64sha256")
                .doesNotContainKey("vpc_config");
        assertThat((String) function.get("runtime")).startsWith("python3.");
    }

    @Test
    void alarmFiresWhenNoRunOfTheFunctionSucceededForAQuarterOfAnHour() {
        Map<String, Object> alarm = terraform.resource("aws_cloudwatch_metric_alarm", "jwks_mirror_stale");
        Map<String, String> metrics = new TreeMap<>();
        for (Map<String, Object> query : TerraformConfig.blocks(alarm.get("metric_query"))) {
            Map<String, Object> metric = map(query.get("metric"));
            if (!metric.isEmpty()) {
                assertThat(metric).containsEntry("namespace", "AWS/Lambda").containsEntry("stat", "Sum");
                assertThat(text(metric.get("period"))).isEqualTo("60");
                assertThat(map(metric.get("dimensions")))
                        .containsEntry("FunctionName", "aws_lambda_function.jwks_mirror.function_name");
                metrics.put((String) query.get("id"), (String) metric.get("metric_name"));
            }
        }

        assertThat(metrics).containsEntry("runs", "Invocations").containsEntry("failures", "Errors");
        assertThat(alarm)
                .containsEntry("comparison_operator", "LessThanThreshold")
                .containsEntry("treat_missing_data", "breaching");
        assertThat(text(alarm.get("threshold"))).isEqualTo("1");
        assertThat(text(alarm.get("evaluation_periods")))
                .isEqualTo(text(alarm.get("datapoints_to_alarm")))
                .isEqualTo("15");
        assertThat(TerraformConfig.blocks(alarm.get("metric_query")).getFirst())
                .containsEntry("expression", "FILL(runs, 0) - FILL(failures, 0)")
                .containsEntry("return_data", true);
    }
}

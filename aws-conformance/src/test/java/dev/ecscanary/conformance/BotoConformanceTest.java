package dev.ecscanary.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.localaws.RehearsalNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/python/conformance.py} (boto3, pinned and installed by {@code .ci/run} into {@code .venv})
 * against a local AWS: CodeDeploy, ECS and ELBv2 in their protocols, CloudWatch in each of JSON 1.0, CBOR and
 * Query. The script's output is the failure message. Without the venv the test is skipped on a workstation but
 * fails in CI ({@code CI=true}), where {@code .ci/run} must have installed it.
 */
class BotoConformanceTest {

    @Test
    void boto3DrivesEveryOperationTheControllerCalls() throws Exception {
        Path python = Path.of(System.getProperty("boto3.python", "../.venv/bin/python"));
        if (!Files.isExecutable(python)) {
            String missing = python + " is missing: run .ci/run, or python3 -m venv .venv && .venv/bin/pip install -r "
                    + "aws-conformance/requirements.txt";
            assertThat("true".equals(System.getenv("CI"))).as(missing).isFalse();
            Assumptions.abort(missing);
        }
        try (LocalAwsUnderTest local = LocalAwsUnderTest.start()) {
            Process script = new ProcessBuilder(
                            python.toString(),
                            System.getProperty("boto3.script", "src/test/python/conformance.py"),
                            local.endpoint.toString(),
                            namesJson(local))
                    .redirectErrorStream(true)
                    .start();
            boolean finished = script.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                script.destroyForcibly();
            }
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished)
                    .as("the boto3 script did not finish in 5 minutes:%n%s", output)
                    .isTrue();
            assertThat(script.exitValue())
                    .as("the boto3 script failed:%n%s", output)
                    .isZero();
            assertThat(output).contains("all boto3 conformance checks passed");
            System.out.println(output);
        }
    }

    private static String namesJson(LocalAwsUnderTest local) {
        RehearsalNames names = local.aws.names();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cluster", names.cluster());
        values.put("service", names.service());
        values.put("family", names.taskFamily());
        values.put("container", names.containerName());
        values.put("containerPort", names.containerPort());
        values.put("application", names.codeDeployApplication());
        values.put("group", names.deploymentGroup());
        values.put("targetId", names.cluster() + ":" + names.service());
        values.put("loadBalancer", names.loadBalancer());
        values.put("loadBalancerDimension", local.aws.loadBalancer().dimension());
        values.put("alarm", names.alarm());
        values.put("alarmThreshold", names.alarmThreshold());
        values.put(
                "appSpecTemplate",
                Path.of(System.getProperty("repo.root", ".."), "appspec.yaml").toString());
        return values.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + (e.getValue() instanceof String s ? quote(s) : e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

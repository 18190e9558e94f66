package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The reusable deploy action (.github/actions/deploy): its contract (inputs, outputs, bash on every step), the
 * workflows' use of it, and a release through it in a simulated GitHub Actions job: the variables GitHub sets, a
 * token endpoint issuing ID tokens that expire after two seconds, step summary and outputs files, and a stand-in
 * controller that accepts only unexpired tokens, for a release that outlasts several of them.
 */
class DeployActionTest {

    private static final Path ACTION = RepositoryLayout.actions().resolve("deploy");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path work;

    @Test
    void declaresTheInputsAndOutputsOfTheReleaseContract() throws IOException {
        Map<String, Object> action = new CompositeActionRun(ACTION).metadata();

        assertThat(map(action.get("inputs")).keySet())
                .containsExactlyInAnyOrder(
                        "service",
                        "image",
                        "environment",
                        "controller-url",
                        "audience",
                        "description",
                        "timeout-minutes");
        assertThat(map(action.get("outputs")).keySet()).containsExactlyInAnyOrder("status", "deployment-id", "url");
        assertThat(map(action.get("runs"))).containsEntry("using", "composite");
        assertThat((List<?>) map(action.get("runs")).get("steps")).allSatisfy(step -> {
            assertThat(map(step)).containsEntry("shell", "bash");
            assertThat((String) map(step).get("run"))
                    .as("inputs reach the script through env only, never pasted into it")
                    .doesNotContain("${{");
        });
    }

    @Test
    void workflowsPassTheActionOnlyItsInputsAndEveryRequiredOne() throws IOException {
        Map<String, Object> inputs =
                map(new CompositeActionRun(ACTION).metadata().get("inputs"));
        Set<String> required = new TreeSet<>();
        inputs.forEach((name, spec) -> {
            if (Boolean.TRUE.equals(map(spec).get("required"))) {
                required.add(name);
            }
        });
        int uses = 0;
        for (Map<String, Object> step : stepsUsing("./.github/actions/deploy")) {
            Set<String> given = map(step.get("with")).keySet();
            assertThat(inputs.keySet()).as("inputs the action declares").containsAll(given);
            assertThat(given).as("required inputs").containsAll(required);
            uses++;
        }
        assertThat(uses).as("workflow steps using the action").isPositive();
    }

    @Test
    void theReleaseJobsEnvironmentLinksToTheStatusPageTheActionReports() throws IOException {
        Map<String, Object> job = map(map(workflow("deploy.yml").get("jobs")).get("release"));
        Map<String, Object> environment = map(job.get("environment"));
        String stepId = ((List<?>) job.get("steps"))
                .stream()
                        .map(TerraformConfig::map)
                        .filter(step -> "./.github/actions/deploy".equals(step.get("uses")))
                        .map(step -> (String) step.get("id"))
                        .findFirst()
                        .orElseThrow();

        assertThat(environment)
                .containsEntry("name", "production")
                .containsEntry("url", "${{ steps." + stepId + ".outputs.url }}");
        assertThat(map(job.get("permissions"))).containsEntry("id-token", "write");
    }

    @Test
    void aReleaseThroughTheActionOutlastsSeveralTokensAndReportsItsOutcome() throws Exception {
        assumeTrue(PythonUnitTests.pythonAvailable(), "python3 is not installed; the action's client cannot run");
        try (GitHubTokenEndpoint tokens = new GitHubTokenEndpoint(2);
                StandIns.Controller controller = new StandIns.Controller(Duration.ofSeconds(12), tokens::valid)) {
            CompositeActionRun.Result result =
                    new CompositeActionRun(ACTION).run(inputs(controller, "x".repeat(1500)), job(tokens), work);

            assertThat(result.exitCode()).as(result.log()).isZero();
            assertThat(result.outputs())
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("deployment-id", "d-1")
                    .containsEntry("url", controller.url() + "/deployments/d-1");
            assertThat(tokens.issued())
                    .as("ID tokens minted during a 12-second release")
                    .isGreaterThanOrEqualTo(3);
            assertThat(controller.refusedTokens())
                    .as("tokens replaced before they expired")
                    .isZero();
            assertThat(tokens.audiences()).containsOnly("https://deploy.example.com");
            assertThat(result.log()).contains("shortened").doesNotContain("Traceback");
            assertThat(Files.readString(work.resolve("summary.md")))
                    .contains("SUCCEEDED")
                    .contains(controller.url() + "/deployments/d-1");
        }
    }

    @Test
    void aRefusedReleaseFailsTheStepWithExitCode3AndStatusRefused() throws Exception {
        assumeTrue(PythonUnitTests.pythonAvailable(), "python3 is not installed; the action's client cannot run");
        try (GitHubTokenEndpoint tokens = new GitHubTokenEndpoint(300);
                StandIns.Controller controller = new StandIns.Controller(Duration.ZERO, tokens::valid)) {
            controller.refuseWith(409, "alarm demo-app-success-rate is in ALARM");

            CompositeActionRun.Result result =
                    new CompositeActionRun(ACTION).run(inputs(controller, "fix"), job(tokens), work);

            assertThat(result.exitCode()).as(result.log()).isEqualTo(3);
            assertThat(result.outputs()).containsEntry("status", "REFUSED").containsEntry("deployment-id", "");
            assertThat(result.log()).contains("alarm demo-app-success-rate is in ALARM");
        }
    }

    private static Map<String, String> inputs(StandIns.Controller controller, String description) {
        return Map.of(
                "service", "demo-app",
                "image", "registry/demo-app:" + SHA,
                "environment", "production",
                "controller-url", controller.url(),
                "audience", "https://deploy.example.com",
                "description", description,
                "timeout-minutes", "2");
    }

    /** The variables GitHub sets in every job (and the token endpoint's), none inherited from this machine's CI. */
    private Map<String, String> job(GitHubTokenEndpoint tokens) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("GITHUB_") && !name.startsWith("ACTIONS_") && !name.startsWith("CONTROLLER_")) {
                env.put(name, value);
            }
        });
        env.putAll(Map.of(
                "CI", "true",
                "GITHUB_ACTIONS", "true",
                "GITHUB_RUN_ID", "42",
                "GITHUB_RUN_ATTEMPT", "1",
                "GITHUB_SHA", SHA,
                "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_WORKSPACE", work.toString(),
                "GITHUB_STEP_SUMMARY", work.resolve("summary.md").toString()));
        env.putAll(tokens.jobEnvironment());
        return env;
    }

    private static List<Map<String, Object>> stepsUsing(String action) throws IOException {
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        try (var files = Files.list(RepositoryLayout.workflows())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                map(workflow(file.getFileName().toString()).get("jobs"))
                        .values()
                        .forEach(job -> ((List<?>) map(job).getOrDefault("steps", List.of()))
                                .stream()
                                        .map(TerraformConfig::map)
                                        .filter(step -> action.equals(step.get("uses")))
                                        .forEach(steps::add));
            }
        }
        return steps;
    }

    private static Map<String, Object> workflow(String name) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(RepositoryLayout.workflows().resolve(name)));
    }
}

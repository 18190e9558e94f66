package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pipeline's guard rails: actions pinned by commit (or local to the checkout), least permissions per job, one
 * release at a time, released through the client script.
 */
class WorkflowsTest {

    @Test
    void everyActionIsPinnedToAFullCommitSha() throws IOException {
        for (Path file : workflowFiles()) {
            for (Map<String, Object> job :
                    jobs(load(file)).values().stream().map(TerraformConfig::map).toList()) {
                for (Object step : (List<?>) job.getOrDefault("steps", List.of())) {
                    Object uses = map(step).get("uses");
                    // A local action (./...) comes from the checkout, which the run's commit pins.
                    if (uses != null && !((String) uses).startsWith("./")) {
                        assertThat((String) uses)
                                .as(file.getFileName() + " uses")
                                .matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
                    }
                }
            }
        }
    }

    @Test
    void everyJobDeclaresItsPermissionsAndOnlyTheReleaseJobsMayMintTokens() throws IOException {
        for (Path file : workflowFiles()) {
            Map<String, Object> workflow = load(file);
            assertThat(map(workflow.get("permissions")))
                    .as(file + " default permissions")
                    .isEqualTo(Map.of("contents", "read"));
            jobs(workflow).forEach((name, job) -> {
                Map<String, Object> permissions = map(map(job).get("permissions"));
                assertThat(permissions).as(file.getFileName() + " job " + name).isNotEmpty();
                assertThat(permissions.values())
                        .as(file.getFileName() + " job " + name)
                        .allMatch(v -> !"write".equals(v) || permissions.get("id-token") == v);
            });
        }
    }

    @Test
    void deployRunsOnMainAndByHandOneAtATimeAndReleasesThroughTheClientScript() throws IOException {
        Map<String, Object> deploy = load(RepositoryLayout.workflows().resolve("deploy.yml"));
        Map<String, Object> on = map(deploy.containsKey("on") ? deploy.get("on") : deploy.get(true));

        assertThat(map(on.get("push")).get("branches")).isEqualTo(List.of("main"));
        assertThat(on).containsKey("workflow_dispatch");
        assertThat(map(deploy.get("concurrency")))
                .containsEntry("cancel-in-progress", false)
                .containsKey("group");
        assertThat(Files.readString(RepositoryLayout.actions().resolve("deploy/action.yml")))
                .contains("scripts/deploy\" \"${args[@]}\"")
                .contains("--service \"$SERVICE\"");
        assertThat(Files.readString(RepositoryLayout.workflows().resolve("deploy.yml")))
                .contains("uses: ./.github/actions/deploy")
                .contains("exit-code: \"1\"")
                .contains("severity: HIGH,CRITICAL")
                .doesNotContain("aws-access-key-id")
                .doesNotContain("secrets.AWS");
    }

    @Test
    void pullRequestsRunTheTestsActionlintAndTerraformFmt() throws IOException {
        String ci = Files.readString(RepositoryLayout.workflows().resolve("ci.yml"));

        assertThat(ci).contains("pull_request").contains("./mvnw -B verify").contains("scripts/lint-infra");
        assertThat(Files.readString(RepositoryLayout.scripts().resolve("lint-infra")))
                .contains("actionlint")
                .contains("terraform fmt -check -recursive");
    }

    private static List<Path> workflowFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(RepositoryLayout.workflows())) {
            stream.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static Map<String, Object> jobs(Map<String, Object> workflow) {
        return map(workflow.get("jobs"));
    }

    private static Map<String, Object> load(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }
}

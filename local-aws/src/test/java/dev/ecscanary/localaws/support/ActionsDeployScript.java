package dev.ecscanary.localaws.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code scripts/deploy} as a step of a GitHub Actions job with {@code permissions: id-token: write} would:
 * the variables GitHub sets (no {@code CONTROLLER_TOKEN}: the client mints the job's ID tokens itself), a step
 * summary file and an outputs file, read back when it ends.
 */
public final class ActionsDeployScript {

    private static final Path SCRIPT =
            Path.of("..", "scripts", "deploy").toAbsolutePath().normalize();

    /** The exit code, the step's outputs, the summary and what the script printed. */
    public record Outcome(int exitCode, Map<String, String> outputs, String summary, String log) {}

    /** Each release is a new workflow run: the client derives its idempotency key from the run id. */
    private static final AtomicLong RUN_IDS = new AtomicLong(System.currentTimeMillis());

    private ActionsDeployScript() {}

    public static Outcome release(
            String controllerUrl, String audience, Map<String, String> job, String image, Duration limit)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("actions-job");
        Path outputs = work.resolve("github_output");
        Path summary = work.resolve("step_summary.md");
        Path log = work.resolve("step.log");
        Files.createFile(outputs);
        Files.createFile(summary);
        ProcessBuilder builder = new ProcessBuilder(
                        "python3",
                        SCRIPT.toString(),
                        "--service",
                        "demo-app",
                        "--image",
                        image,
                        "--environment",
                        "rehearsal",
                        "--audience",
                        audience,
                        "--poll-seconds",
                        "1",
                        "--timeout-seconds",
                        Long.toString(limit.toSeconds()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(n -> n.startsWith("GITHUB_") || n.startsWith("ACTIONS_") || n.startsWith("CONTROLLER_"));
        env.putAll(job);
        env.putAll(Map.of(
                "CI",
                "true",
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_RUN_ID",
                Long.toString(RUN_IDS.incrementAndGet()),
                "GITHUB_RUN_ATTEMPT",
                "1",
                "GITHUB_REPOSITORY",
                GitHubOidcStandIn.REPOSITORY,
                "GITHUB_SERVER_URL",
                "https://github.com",
                "GITHUB_OUTPUT",
                outputs.toString(),
                "GITHUB_STEP_SUMMARY",
                summary.toString(),
                "CONTROLLER_URL",
                controllerUrl));
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/deploy did not exit within its own limit: " + Files.readString(log));
        }
        return new Outcome(process.exitValue(), read(outputs), Files.readString(summary), Files.readString(log));
    }

    private static Map<String, String> read(Path outputs) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outputs)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}

package dev.ecscanary.localaws.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's CI client, {@code scripts/deploy}, against the rehearsal's controller, as a GitHub Actions
 * job would: its exit code is the verdict, and the deployment id comes back through {@code GITHUB_OUTPUT}.
 */
public final class DeployScript {

    private static final Path SCRIPT =
            Path.of("..", "scripts", "deploy").toAbsolutePath().normalize();

    /** The script's verdict and the deployment it released. */
    public record Outcome(int exitCode, String deploymentId, String output) {}

    private DeployScript() {}

    /** True where the script can run here (it needs python3). */
    public static boolean available() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0 && Files.isRegularFile(SCRIPT);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static Outcome release(String controllerUrl, String token, String image, Duration limit) {
        try {
            Path githubOutput = Files.createTempFile("deploy-output", ".txt");
            Path log = Files.createTempFile("deploy-log", ".txt");
            ProcessBuilder builder = new ProcessBuilder(
                            "python3",
                            SCRIPT.toString(),
                            "--service",
                            "demo-app",
                            "--image",
                            image,
                            "--environment",
                            "rehearsal",
                            "--poll-seconds",
                            "1",
                            "--timeout-seconds",
                            Long.toString(limit.toSeconds()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("CONTROLLER_URL", controllerUrl);
            builder.environment().put("CONTROLLER_TOKEN", token);
            builder.environment().put("GITHUB_OUTPUT", githubOutput.toString());
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/deploy did not exit within its own limit: " + Files.readString(log));
            }
            String id = deploymentId(Files.readAllLines(githubOutput));
            return new Outcome(process.exitValue(), id, Files.readString(log));
        } catch (IOException e) {
            throw new AssertionError("could not run scripts/deploy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while scripts/deploy ran", e);
        }
    }

    private static String deploymentId(List<String> outputs) {
        return outputs.stream()
                .filter(line -> line.startsWith("deployment-id="))
                .map(line -> line.substring("deployment-id=".length()))
                .findFirst()
                .orElse(null);
    }
}

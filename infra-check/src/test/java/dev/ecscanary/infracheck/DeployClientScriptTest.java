package dev.ecscanary.infracheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs scripts/deploy's own tests (Python unittest against a fake controller on loopback) in the Maven build. */
class DeployClientScriptTest {

    @Test
    void deployClientTestsPassForEveryExitCode() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed; scripts/tests cannot run here");

        Process process = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "scripts/tests", "-v")
                .directory(RepositoryLayout.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("python tests finished within 3 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("test_rolled_back_release_exits_1").contains("OK");
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

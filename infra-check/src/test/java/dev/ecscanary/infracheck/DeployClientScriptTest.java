package dev.ecscanary.infracheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Runs scripts/deploy's own tests (Python unittest against a fake controller on loopback) in the Maven build. */
class DeployClientScriptTest {

    @Test
    void deployClientTestsPassForEveryExitCode() throws Exception {
        assumeTrue(PythonUnitTests.pythonAvailable(), "python3 is not installed; scripts/tests cannot run here");

        PythonUnitTests.Run run = PythonUnitTests.discover("scripts/tests");

        assertThat(run.finished()).as("python tests finished within 3 minutes").isTrue();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("test_rolled_back_release_exits_1").contains("OK");
    }
}

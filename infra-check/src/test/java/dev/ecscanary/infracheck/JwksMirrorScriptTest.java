package dev.ecscanary.infracheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Runs the JWKS mirror function's own tests (Python unittest, fetch and S3 replaced by fakes) in the Maven build. */
class JwksMirrorScriptTest {

    @Test
    void mirrorWritesOnlyValidatedKeySetsAndLeavesTheOldCopyOnEveryFailure() throws Exception {
        assumeTrue(
                PythonUnitTests.pythonAvailable(),
                "python3 is not installed; terraform/jwks-mirror/tests cannot run here");

        PythonUnitTests.Run run = PythonUnitTests.discover("terraform/jwks-mirror/tests");

        assertThat(run.finished()).as("python tests finished within 3 minutes").isTrue();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("test_a_real_looking_github_key_set_is_accepted")
                .contains("test_a_failing_fetch_leaves_the_old_copy_alone")
                .contains("OK");
    }
}

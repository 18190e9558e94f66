package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.rehearsal.ControllerClient;
import dev.ecscanary.localaws.rehearsal.Rehearsal;
import dev.ecscanary.localaws.rehearsal.RehearsalSettings;
import dev.ecscanary.localaws.support.ActionsDeployScript;
import dev.ecscanary.localaws.support.DeployScript;
import dev.ecscanary.localaws.support.Eventually;
import dev.ecscanary.localaws.support.GitHubOidcStandIn;
import dev.ecscanary.localaws.support.OidcControllerProcess;
import dev.ecscanary.localaws.support.Releases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A release from a GitHub Actions job whose ID tokens expire long before the release ends (issue 16): GitHub's live
 * five minutes and a linear canary release twelve or more, here five seconds and a rehearsal release at time scale
 * 60. The real controller verifies every token (RS256 against the stand-in issuer's key set, audience, expiry with no
 * clock skew, the claim policy); {@code scripts/deploy} mints a fresh one before each expires, and one more when a
 * token is refused, as after a key rotation the controller has not seen yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitHubTokensEndToEndTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(5);
    private static final Duration RELEASE = Duration.ofSeconds(180);

    private GitHubOidcStandIn github;
    private Rehearsal rehearsal;
    private OidcControllerProcess controller;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(DeployScript.available(), "python3 is needed to run scripts/deploy");
        Path root = Releases.repoRoot();
        Path stateDir = root.resolve("local-aws/target/e2e-github-tokens");
        github = new GitHubOidcStandIn(TOKEN_LIFETIME);
        rehearsal = Rehearsal.start(
                new RehearsalSettings(
                        root,
                        stateDir,
                        new TimeScale(60),
                        0,
                        0,
                        0,
                        freePort(),
                        40,
                        1,
                        false,
                        "demo-app:1.0.0",
                        false,
                        true,
                        root.resolve("demo-app/target/demo-app.jar"),
                        root.resolve("deploy-controller/target/deploy-controller.jar")),
                System.out);
        controller = OidcControllerProcess.start(
                rehearsal.settings().controllerJar(),
                rehearsal.aws().endpoint(),
                github.issuer(),
                stateDir.resolve("controller"));
    }

    @AfterAll
    void stop() {
        if (controller != null) {
            controller.close();
        }
        if (rehearsal != null) {
            rehearsal.close();
        }
        if (github != null) {
            github.close();
        }
    }

    @Test
    @Order(1)
    void aReleaseOutlastingManyIdTokensSucceedsWithExitCode0() throws Exception {
        Eventually.await(
                Duration.ofSeconds(30), () -> rehearsal.aws().alarmState().orElse("?"), "OK"::equals);
        github.signWithAnUnpublishedKey(3);

        long started = System.nanoTime();
        ActionsDeployScript.Outcome outcome = ActionsDeployScript.release(
                controller.url(), OidcControllerProcess.AUDIENCE, github.jobEnvironment(), "demo-app:2.0.0", RELEASE);
        System.out.printf(
                "release through the real controller: exit %d after %d s, %d ID tokens of %d s minted%n",
                outcome.exitCode(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                github.issued(),
                TOKEN_LIFETIME.toSeconds());

        assertThat(outcome.exitCode()).as(outcome.log()).isZero();
        String id = outcome.outputs().get("deployment-id");
        assertThat(outcome.outputs())
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("url", controller.url() + "/deployments/" + id);
        assertThat(new ControllerClient(controller.url())
                        .deployment(id)
                        .get("status")
                        .asString())
                .isEqualTo("SUCCEEDED");
        assertThat(github.issued())
                .as("ID tokens minted during the release:%n%s", outcome.log())
                .isGreaterThanOrEqualTo(5);
        assertThat(outcome.log())
                .as("the token signed with the unpublished key was refused, replaced and the call tried again")
                .contains("refused the ID token");
        assertThat(outcome.summary()).contains("SUCCEEDED");
    }

    @Test
    @Order(2)
    void tokensForAnotherAudienceEndInExitCode5() throws Exception {
        ActionsDeployScript.Outcome outcome = ActionsDeployScript.release(
                controller.url(), "https://other.example", github.jobEnvironment(), "demo-app:3.0.0", RELEASE);

        assertThat(outcome.exitCode()).as(outcome.log()).isEqualTo(5);
        assertThat(outcome.outputs()).containsEntry("status", "AUTHENTICATION_FAILED");
        assertThat(outcome.log()).contains("also with a freshly minted ID token");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

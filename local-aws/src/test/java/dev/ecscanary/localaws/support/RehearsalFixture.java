package dev.ecscanary.localaws.support;

import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.rehearsal.Rehearsal;
import dev.ecscanary.localaws.rehearsal.RehearsalSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole rehearsal for end-to-end tests: the real demo-app and deploy-controller jars (built earlier in the
 * reactor), time scale 60 so that a CodeDeploy minute lasts a second, one task per task set.
 */
public final class RehearsalFixture {

    private RehearsalFixture() {}

    public static Rehearsal start(double timeScale, double requestsPerSecond) throws Exception {
        Path root = Releases.repoRoot();
        Path demoApp = Path.of(System.getProperty(
                "demo-app.jar", root.resolve("demo-app/target/demo-app.jar").toString()));
        Path controller = Path.of(System.getProperty(
                "controller.jar",
                root.resolve("deploy-controller/target/deploy-controller.jar").toString()));
        requireBuilt(demoApp);
        requireBuilt(controller);
        Path stateDir = root.resolve("local-aws/target/e2e-rehearsal");
        RehearsalSettings settings = new RehearsalSettings(
                root,
                stateDir,
                new TimeScale(timeScale),
                0,
                0,
                0,
                freePort(),
                requestsPerSecond,
                1,
                false,
                "demo-app:1.0.0",
                true,
                true,
                demoApp,
                controller);
        return Rehearsal.start(settings, System.out);
    }

    private static void requireBuilt(Path jar) {
        if (!Files.exists(jar)) {
            throw new AssertionError(jar + " is missing: the end-to-end tests run the real jars; build them first "
                    + "(./mvnw -B verify builds them earlier in the reactor)");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

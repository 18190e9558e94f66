package dev.ecscanary.demo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.demo.support.AppProcess;
import dev.ecscanary.demo.support.Http;
import dev.ecscanary.demo.support.SharedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What happens when ECS stops a task (after the ALB deregistered it, or when CodeDeploy retires the old
 * task set): SIGTERM, then requests in flight finish, new connections are refused, and the process exits.
 */
class GracefulShutdownTest {

    private static final int SIGTERM_EXIT = 128 + 15;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void onSigtermRequestsInFlightFinishAndNewConnectionsAreRefused() throws Exception {
        // Each request takes 6 s; SIGTERM comes 2 s after they were sent, so they are surely in flight.
        try (AppProcess app = AppProcess.start("graceful", environment(Map.of("FAULT_LATENCY_MS", "6000")))
                        .awaitHealthy(STARTUP);
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Http http = new Http(app.port());
            List<Future<Http.Response>> inFlight = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                inFlight.add(clients.submit(() -> http.get("/api/tasks?limit=5")));
            }
            Thread.sleep(2000);

            app.terminate();

            assertThat(refusesConnectionsWithin(app.port(), Duration.ofSeconds(3)))
                    .as("new connections refused")
                    .isTrue();
            assertThat(inFlight)
                    .as("still in flight when connections were refused")
                    .noneMatch(Future::isDone);
            for (Future<Http.Response> request : inFlight) {
                assertThat(request.get().status()).isEqualTo(200);
            }
            assertThat(app.awaitExit(Duration.ofSeconds(15))).as("exited").isTrue();
            assertThat(app.exitValue()).isEqualTo(SIGTERM_EXIT);
            assertThat(app.log()).contains("Graceful shutdown complete");
        }
    }

    @Test
    void aRequestLongerThanTheShutdownTimeoutDoesNotHoldTheProcessUp() throws Exception {
        Map<String, String> slow = Map.of("FAULT_LATENCY_MS", "30000", "SHUTDOWN_TIMEOUT", "1s");
        try (AppProcess app =
                        AppProcess.start("graceful-bounded", environment(slow)).awaitHealthy(STARTUP);
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Http http = new Http(app.port());
            Future<Http.Response> stuck = clients.submit(() -> http.get("/api/version"));
            Thread.sleep(1500);

            long terminated = System.nanoTime();
            app.terminate();

            assertThat(app.awaitExit(Duration.ofSeconds(15))).as("exited").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - terminated)).isLessThan(Duration.ofSeconds(10));
            assertThatThrownBy(stuck::get)
                    .as("the cut request fails rather than hanging")
                    .hasCauseInstanceOf(UncheckedIOException.class);
        }
    }

    private static boolean refusesConnectionsWithin(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("localhost", port)) {
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put(
                "DATABASE_URL",
                "postgres://postgres@localhost:" + SharedPostgres.server().port() + "/postgres");
        environment.put("APP_VERSION", "graceful-test");
        return environment;
    }
}

package dev.ecscanary.controller.pretraffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties.Expectation;
import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties.Request;
import dev.ecscanary.controller.pretraffic.SmokeReport.RequestResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The check runner against a real HTTP server on loopback: statuses, JSON, timeouts, latency, no target. */
@Timeout(30)
public class SmokeCheckRunnerTest {

    private static final Map<String, String> RELEASE =
            Map.of("tag", "2.0.0", "image", "demo-app:2.0.0", "service", "demo-app");

    private final SmokeCheckRunner runner = new SmokeCheckRunner(Clock.systemUTC());
    private TasksStandIn app;

    @BeforeEach
    void start() throws IOException {
        app = new TasksStandIn();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** What the demo app's check asks, in order: health, version, a list page, and a create-read-delete. */
    static final List<String> DEMO_APP_LABELS = List.of(
            "GET /health",
            "GET /api/version",
            "GET /api/tasks",
            "POST /api/tasks",
            "GET /api/tasks/{{task}}",
            "DELETE /api/tasks/{{task}}");

    public static List<Request> demoAppRequests() {
        return List.of(
                new Request("GET", "/health", null, 200, List.of(), Map.of(), false),
                new Request(
                        "GET",
                        "/api/version",
                        null,
                        200,
                        List.of(new Expectation("/version", "{{tag}}")),
                        Map.of(),
                        false),
                new Request("GET", "/api/tasks?limit=5", null, 200, List.of(), Map.of(), false),
                new Request(
                        "POST",
                        "/api/tasks",
                        "{\"title\":\"pre-traffic check {{tag}} round {{round}}\"}",
                        201,
                        List.of(),
                        Map.of("task", "/id"),
                        false),
                new Request("GET", "/api/tasks/{{task}}", null, 200, List.of(), Map.of(), false),
                new Request("DELETE", "/api/tasks/{{task}}", null, 204, List.of(), Map.of(), true));
    }

    static SmokePlan plan(int rounds, double maxFailedShare, Duration budget, Duration timeout) {
        return SmokePlans.from(
                new PreTrafficCheckProperties(demoAppRequests(), rounds, 3, maxFailedShare, budget, timeout), "check");
    }

    @Test
    void aHealthyReplacementPassesEveryRequestAndTheCreatedTasksAreGone() throws Exception {
        SmokeReport report =
                runner.run(plan(10, 0, Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of(app.uri()), RELEASE);

        assertThat(report.passed()).as(report.reason()).isTrue();
        assertThat(report.requests()).extracting(RequestResult::label).containsExactlyElementsOf(DEMO_APP_LABELS);
        assertThat(report.requests()).allSatisfy(r -> {
            assertThat(r.count()).isEqualTo(10);
            assertThat(r.failures()).isZero();
            assertThat(r.p99Millis()).isNotNull().isGreaterThanOrEqualTo(r.p50Millis());
        });
        assertThat(app.requests.get()).isEqualTo(60);
        assertThat(app.tasks).as("nothing left behind").isEmpty();
        assertThat(report.reason()).startsWith("all 60 requests passed on 1 target; slowest p99 ");
    }

    @Test
    void aReplacementAnswering500FailsWithHowOftenAndWhatItAnswered() throws Exception {
        app.failEveryNthList = 2;

        SmokeReport report =
                runner.run(plan(10, 0, Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of(app.uri()), RELEASE);

        assertThat(report.passed()).isFalse();
        assertThat(report.reason())
                .isEqualTo("5 of 10 requests to GET /api/tasks answered 500: "
                        + "{\"title\":\"Internal Server Error\",\"detail\":\"injected fault\"}");
        RequestResult list = report.requests().get(2);
        assertThat(list.firstFailure()).startsWith("answered 500: {");
        RequestResult create = report.requests().get(3);
        assertThat(create.skipped()).as("rounds stop at the failure").isEqualTo(5);
        assertThat(app.tasks).isEmpty();
    }

    @Test
    void theFailedShareMayBeAllowed() throws Exception {
        app.failEveryNthList = 5;

        SmokeReport report =
                runner.run(plan(10, 0.2, Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of(app.uri()), RELEASE);

        assertThat(report.passed()).as(report.reason()).isTrue();
        assertThat(report.requests().get(2).failures()).isEqualTo(2);
    }

    @Test
    void theVersionMustBeTheReleasedTag() throws Exception {
        app.version = "1.0.0";

        SmokeReport report =
                runner.run(plan(4, 0, Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of(app.uri()), RELEASE);

        assertThat(report.reason())
                .startsWith(
                        "4 of 4 requests to GET /api/version answered /version = \"1.0.0\" instead of \"2.0.0\": {");
    }

    @Test
    void aCleanUpRunsEvenAfterTheReadFailed() throws Exception {
        app.failReads = 1;

        SmokeReport report =
                runner.run(plan(3, 0, Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of(app.uri()), RELEASE);

        assertThat(report.reason()).startsWith("3 of 3 requests to GET /api/tasks/{{task}} answered 503");
        assertThat(report.requests().get(5).count()).isEqualTo(3);
        assertThat(app.tasks).as("the DELETE marked always ran").isEmpty();
    }

    @Test
    void aReplacementThatDoesNotAnswerFailsWithinTheTimeoutNeverHangs() throws Exception {
        app.apiDelayMillis = 5_000;
        long started = System.nanoTime();

        SmokeReport report =
                runner.run(plan(4, 0, Duration.ofSeconds(2), Duration.ofMillis(300)), List.of(app.uri()), RELEASE);

        assertThat(report.passed()).isFalse();
        assertThat(report.reason()).isEqualTo("4 of 4 requests to GET /api/version got no answer within 300 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(4_000);
    }

    @Test
    void aSlowReplacementFailsTheLatencyBudget() throws Exception {
        app.apiDelayMillis = 600;

        SmokeReport report =
                runner.run(plan(3, 0, Duration.ofMillis(400), Duration.ofSeconds(5)), List.of(app.uri()), RELEASE);

        assertThat(report.passed()).isFalse();
        assertThat(report.reason()).matches("p99 of GET /api/version was [6-9]\\d\\d ms, over the 400 ms budget");
    }

    @Test
    void noTargetIsAFailedCheckNotAPass() throws Exception {
        SmokeReport report = runner.run(plan(3, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)), List.of(), RELEASE);

        assertThat(report.passed()).isFalse();
        assertThat(report.reason()).isEqualTo("the replacement has no healthy target to ask");
        assertThat(report.requests()).allSatisfy(r -> assertThat(r.count()).isZero());
    }

    @Test
    void aClosedPortIsARefusedConnection() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        SmokeReport report = runner.run(
                plan(2, 0, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                List.of(URI.create("http://127.0.0.1:" + closed)),
                RELEASE);

        assertThat(report.reason()).isEqualTo("2 of 2 requests to GET /health refused the connection");
    }

    @Test
    void roundsAreSpreadOverEveryTarget() throws Exception {
        try (TasksStandIn second = new TasksStandIn()) {
            SmokeReport report = runner.run(
                    plan(6, 0, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                    List.of(app.uri(), second.uri()),
                    RELEASE);

            assertThat(report.passed()).as(report.reason()).isTrue();
            assertThat(report.targets()).hasSize(2);
            assertThat(app.requests.get()).isEqualTo(18);
            assertThat(second.requests.get()).isEqualTo(18);
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            var acceptor = Executors.newVirtualThreadPerTaskExecutor();
            acceptor.submit(() -> {
                while (!silent.isClosed()) {
                    held.add(silent.accept());
                }
                return null;
            });
            SmokeReport report = runner.run(
                    plan(2, 0, Duration.ofSeconds(1), Duration.ofMillis(400)),
                    List.of(URI.create("http://127.0.0.1:" + silent.getLocalPort())),
                    RELEASE);

            assertThat(report.reason()).isEqualTo("2 of 2 requests to GET /health got no answer within 400 ms");
            acceptor.shutdownNow();
        }
    }
}

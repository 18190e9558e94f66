package dev.ecscanary.controller.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import dev.ecscanary.controller.web.live.SseClient.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The event streams over real HTTP: what a browser's EventSource (or CI) receives, and how it resumes. */
@WebTest
class EventStreamsApiTest {

    static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    @Autowired
    StatusPageFixture release;

    @BeforeEach
    void cleanWorld() {
        release.reset();
    }

    @Test
    void aDeploymentStreamStartsWithTheCurrentStateThenDeliversEachChangeWithinASecond() throws Exception {
        UUID id = release.start("2.0.0", null);
        try (SseClient stream = SseClient.open(url("/api/deployments/" + id + "/events"), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            Frame snapshot = stream.next(Duration.ofSeconds(5));
            assertThat(snapshot.event()).isEqualTo("deployment");
            assertThat(snapshot.idAsLong()).isEqualTo(release.find(id).version());
            assertThat(snapshot.data())
                    .contains("\"kind\":\"snapshot\"", "\"id\":\"" + id + "\"", "\"status\":\"IN_PROGRESS\"");

            release.step(10);

            Frame change = stream.next(WITHIN_A_SECOND);
            assertThat(change.idAsLong()).isEqualTo(release.find(id).version()).isGreaterThan(snapshot.idAsLong());
            assertThat(change.data()).contains("\"kind\":\"change\"", "\"trafficPercent\":10", "\"changedAt\":\"");
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyTheChangesMissed() throws Exception {
        UUID id = release.start("2.0.0", null);
        String seen;
        try (SseClient stream = SseClient.open(url("/api/deployments/" + id + "/events"), null)) {
            seen = stream.next(Duration.ofSeconds(5)).id();
        }
        release.step(10);
        release.step(20);
        release.step(30);
        awaitVersionPublished(id);

        try (SseClient resumed = SseClient.open(url("/api/deployments/" + id + "/events"), seen)) {
            List<Frame> missed = drain(resumed);
            assertThat(missed)
                    .extracting(Frame::idAsLong)
                    .isSorted()
                    .allSatisfy(v -> assertThat(v).isGreaterThan(Long.parseLong(seen)));
            assertThat(missed)
                    .extracting(Frame::data)
                    .allSatisfy(d -> assertThat(d).contains("\"kind\":\"change\""));
            assertThat(missed)
                    .extracting(Frame::data)
                    .anySatisfy(d -> assertThat(d).contains("\"trafficPercent\":10"))
                    .anySatisfy(d -> assertThat(d).contains("\"trafficPercent\":20"));
            assertThat(missed.getLast().idAsLong()).isEqualTo(release.find(id).version());
        }
    }

    @Test
    void aLastEventIdTheControllerCannotVouchForGetsTheCurrentStateAsASnapshot() throws Exception {
        UUID id = release.start("2.0.0", null);
        try (SseClient stream = SseClient.open(url("/api/deployments/" + id + "/events"), "999999")) {
            Frame f = stream.next(Duration.ofSeconds(5));
            assertThat(f.data()).contains("\"kind\":\"snapshot\"");
            assertThat(f.idAsLong()).isEqualTo(release.find(id).version());
        }
        try (SseClient services = SseClient.open(url("/api/services/events"), "1")) {
            Frame f = services.next(Duration.ofSeconds(5));
            assertThat(f.event()).isEqualTo("snapshot");
            assertThat(f.data())
                    .contains("\"services\":[{\"name\":\"demo-app\",\"inFlight\":{", "\"id\":\"" + id + "\"");
        }
    }

    @Test
    void theServicesStreamCarriesEveryDeploymentsChangesAndResumesFromItsSequence() throws Exception {
        String last;
        UUID id;
        try (SseClient services = SseClient.open(url("/api/services/events"), null)) {
            Frame snapshot = services.next(Duration.ofSeconds(5));
            assertThat(snapshot.event()).isEqualTo("snapshot");
            assertThat(snapshot.data()).contains("\"name\":\"demo-app\",\"inFlight\":null");
            id = release.start("2.0.0", null);
            Frame accepted = services.next(WITHIN_A_SECOND);
            assertThat(accepted.event()).isEqualTo("deployment");
            assertThat(accepted.idAsLong()).isGreaterThan(snapshot.idAsLong());
            assertThat(accepted.data())
                    .contains("\"id\":\"" + id + "\"", "\"status\":\"PENDING\"")
                    .as("a summary: the history goes to the deployment's own stream")
                    .doesNotContain("\"events\"", "\"phases\"");
            last = drain(services).stream().map(Frame::id).reduce((a, b) -> b).orElse(accepted.id());
        }
        release.step(10);
        awaitVersionPublished(id);
        try (SseClient resumed = SseClient.open(url("/api/services/events"), last)) {
            Frame next = resumed.next(Duration.ofSeconds(5));
            assertThat(next.event()).isEqualTo("deployment");
            assertThat(next.idAsLong()).isEqualTo(Long.parseLong(last) + 1);
            assertThat(next.data()).contains("\"trafficPercent\":10");
        }
    }

    @Test
    void aFinishedDeploymentsStreamEndsAfterItsLastStateAndAReconnectHoldingItIsTold204() throws Exception {
        UUID id = release.start("2.0.0", null);
        try (SseClient watching = SseClient.open(url("/api/deployments/" + id + "/events"), null)) {
            assertThat(watching.next(Duration.ofSeconds(5)).event()).isEqualTo("deployment");
            release.step(10);
            release.succeed();

            List<Frame> rest = drain(watching);
            assertThat(rest).extracting(Frame::event).endsWith("deployment", "end");
            assertThat(rest.get(rest.size() - 2).data()).contains("\"status\":\"SUCCEEDED\"");
            assertThat(rest.getLast().id())
                    .as("the end keeps the client's Last-Event-ID at the last version")
                    .isNull();
            assertThat(watching.awaitEnd(Duration.ofSeconds(5)))
                    .as("the server closed the stream")
                    .isTrue();
        }
        long last = release.find(id).version();
        try (SseClient late = SseClient.open(url("/api/deployments/" + id + "/events"), null)) {
            assertThat(late.next(Duration.ofSeconds(5)).data()).contains("\"kind\":\"snapshot\"", "SUCCEEDED");
            assertThat(late.next(Duration.ofSeconds(5)).event()).isEqualTo("end");
            assertThat(late.awaitEnd(Duration.ofSeconds(5))).isTrue();
        }
        try (SseClient reconnect = SseClient.open(url("/api/deployments/" + id + "/events"), Long.toString(last))) {
            assertThat(reconnect.status())
                    .as("an EventSource stops reconnecting on 204")
                    .isEqualTo(204);
        }
    }

    @Test
    void aRollbacksFramesCarryTheRollbackDeploymentsOwnLifecycleEvents() throws Exception {
        UUID id = release.start("2.0.1", null);
        release.step(10);
        release.hurtUsers();
        try (SseClient stream = SseClient.open(url("/api/deployments/" + id + "/events"), null)) {
            assertThat(stream.next(Duration.ofSeconds(5)).data()).contains("\"rollbackLifecycleEvents\":[]");

            release.minute(); // the rollback deployment is found and read with its target

            String rollback = release.find(id).rollbackDeploymentId();
            Frame change = stream.next(WITHIN_A_SECOND);
            while (!change.data().contains("\"rollbackDeploymentId\":\"")) { // a frame of the stop, dispatched late
                change = stream.next(WITHIN_A_SECOND);
            }
            assertThat(change.data())
                    .contains("\"rollbackDeploymentId\":\"" + rollback + "\"")
                    .containsPattern(
                            "\"rollbackLifecycleEvents\":\\[.*\\{\"name\":\"AllowTraffic\",\"status\":\"InProgress\"");
        }
    }

    @Test
    void anUnknownDeploymentsStreamIs404() throws Exception {
        try (SseClient stream = SseClient.open(url("/api/deployments/" + UUID.randomUUID() + "/events"), null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    /** Waits until the deployment's latest version went out on a fresh stream: the hub has dispatched everything. */
    private void awaitVersionPublished(UUID id) throws Exception {
        long version = release.find(id).version();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try (SseClient probe =
                    SseClient.open(url("/api/deployments/" + id + "/events"), Long.toString(version - 1))) {
                Frame f = probe.next(Duration.ofSeconds(2));
                if (f.data().contains("\"kind\":\"change\"") && f.idAsLong() >= version) {
                    return;
                }
                seen.add(f.id() + " "
                        + f.data().substring(0, Math.min(60, f.data().length())));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("version " + version + " of " + id + " was never published; saw " + seen);
    }

    private static List<Frame> drain(SseClient stream) throws InterruptedException {
        List<Frame> frames = new ArrayList<>();
        for (Frame f = stream.poll(Duration.ofMillis(500)); f != null; f = stream.poll(Duration.ofMillis(300))) {
            frames.add(f);
        }
        return frames;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

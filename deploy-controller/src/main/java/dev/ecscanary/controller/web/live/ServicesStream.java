package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ServiceCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/** The services overview's stream: every change of any release, as a summary, numbered by this controller. */
final class ServicesStream {

    /** A frame of the services stream: one release's summary, its version, and when the controller committed it. */
    record ServiceChange(String kind, long version, Instant changedAt, ReleaseSummary deployment) {}

    /** The services stream's snapshot: each service with its release in flight, if any. */
    record Snapshot(String kind, Instant changedAt, List<ServiceState> services) {}

    record ServiceState(String name, ReleaseSummary inFlight) {}

    private final Releases releases;
    private final ServiceCatalog catalog;
    private final JsonMapper json;
    // Frames are numbered from the start-up time in milliseconds, so ids keep growing across restarts and a page or
    // client holding an id from before a restart is never mistaken for up to date.
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    private final EventStream stream;

    ServicesStream(Releases releases, ServiceCatalog catalog, JsonMapper json, int replayFrames) {
        this.releases = releases;
        this.catalog = catalog;
        this.json = json;
        this.stream = EventStream.numbered(replayFrames, sequence.get() + 1);
    }

    /** Sends releases' new states, committed at the given times, to every viewer; called by one thread, in commit order. */
    void publishAll(List<Map.Entry<Deployment, Instant>> changes) {
        List<StreamFrame> frames = new ArrayList<>();
        changes.forEach(c -> frames.add(new StreamFrame(
                sequence.incrementAndGet(),
                "deployment",
                json.writeValueAsString(new ServiceChange(
                        "change", c.getKey().version(), c.getValue(), ReleaseSummary.of(c.getKey()))))));
        if (!frames.isEmpty()) {
            stream.publishAll(frames);
        }
    }

    /** Starts a viewer: the missed frames since {@code lastEventId} if still buffered, else a snapshot. */
    void subscribe(EventConnection connection, Long lastEventId, int queueFrames, long retryMillis) {
        Subscriber subscriber = new Subscriber(connection, stream, queueFrames);
        EventStream.Joined joined = stream.join(subscriber, lastEventId);
        List<StreamFrame> first = joined.replay()
                .orElseGet(() -> List.of(new StreamFrame(joined.lastId(), "snapshot", json.writeValueAsString(now()))));
        subscriber.start(first, retryMillis, false);
    }

    private Snapshot now() {
        List<ServiceState> states = new ArrayList<>();
        catalog.all()
                .forEach(s -> states.add(new ServiceState(
                        s.name(),
                        releases.list(s.name(), null, 1).stream()
                                .filter(Deployment::isInFlight)
                                .findFirst()
                                .map(ReleaseSummary::of)
                                .orElse(null))));
        return new Snapshot("snapshot", Instant.now(), states);
    }

    long lastId() {
        return stream.lastId();
    }

    int subscribers() {
        return stream.subscribers();
    }

    void heartbeat(Duration idle, long nowNanos) {
        stream.heartbeat(idle, nowNanos);
    }

    void closeAll() {
        stream.closeAll();
    }
}

package dev.ecscanary.controller.web;

import dev.ecscanary.controller.api.DeploymentView;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentChanged;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.release.ServiceCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub behind the status page's event streams. Every committed change of a deployment ({@link DeploymentChanged},
 * published on the reconciler's thread with a copy of the deployment as saved) is handed to one dispatcher thread at
 * once, which serialises it once for every subscriber of that deployment's stream and once, as a summary, for every
 * subscriber of the services stream.
 * The reconciler never waits for a viewer.
 */
@Component
class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);
    static final int SERVICES_REPLAY_FRAMES = 256;
    static final int DEPLOYMENT_REPLAY_FRAMES = 32;
    static final int QUEUE_FRAMES = 128;
    static final int STREAMS_KEPT = 64;
    static final String RETRY_MILLIS = "1000";

    private final Releases releases;
    private final ServiceCatalog catalog;
    private final AnalysisProperties analysis;
    private final JsonMapper json;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "live-updates"));
    // The services stream numbers its frames from the start-up time in milliseconds, so ids keep growing across
    // restarts and a page or client holding an id from before a restart is never mistaken for up to date.
    private final AtomicLong servicesSequence = new AtomicLong(System.currentTimeMillis());
    private final EventStream services = EventStream.numbered(SERVICES_REPLAY_FRAMES, servicesSequence.get() + 1);
    private final Map<UUID, EventStream> deployments = new LinkedHashMap<>(64, 0.75f, true);
    private final LatestStates latest = new LatestStates(STREAMS_KEPT);

    LiveUpdates(Releases releases, ServiceCatalog catalog, AnalysisProperties analysis, JsonMapper json) {
        this.releases = releases;
        this.catalog = catalog;
        this.analysis = analysis;
        this.json = json;
    }

    /** The envelope of every frame: the deployment's state, its version, and when the controller committed it. */
    record Change(String kind, long version, Instant changedAt, DeploymentView deployment) {
    }

    /** A frame of the services stream: one release's summary, its version, and when the controller committed it. */
    record ServiceChange(String kind, long version, Instant changedAt, ReleaseSummary deployment) {
    }

    /** The services stream's snapshot: each service with its release in flight, if any. */
    record Snapshot(String kind, Instant changedAt, List<ServiceState> services) {
    }

    record ServiceState(String name, ReleaseSummary inFlight) {
    }

    @EventListener
    void changed(DeploymentChanged change) {
        Instant committed = Instant.now();
        dispatcher.execute(() -> dispatch(change, committed));
    }

    private void dispatch(DeploymentChanged change, Instant committed) {
        try {
            Optional<Deployment> d = change.deployment().hasHistory() ? Optional.of(change.deployment())
                    : releases.find(change.id());
            if (d.isEmpty()) {
                return;
            }
            String body = json.writeValueAsString(new Change("change", d.get().version(), committed,
                    DeploymentView.of(d.get(), analysis)));
            latest.update(d.get());
            EventStream stream = stream(change.id());
            boolean published = stream.publish(new StreamFrame(d.get().version(), "deployment", body));
            if (!d.get().isInFlight()) {
                stream.finish(); // a finished deployment does not change again: its viewers need not stay connected
            }
            if (published) {
                String summary = json.writeValueAsString(new ServiceChange("change", d.get().version(), committed,
                        ReleaseSummary.of(d.get())));
                services.publish(new StreamFrame(servicesSequence.incrementAndGet(), "deployment", summary));
            }
        } catch (RuntimeException e) {
            log.warn("Could not send the change of deployment {} to its viewers: {}", change.id(), e.toString());
        }
    }

    /** Ends every open stream when the controller stops, so that a graceful shutdown does not wait for viewers. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        dispatcher.shutdownNow();
        services.closeAll();
        synchronized (deployments) {
            deployments.values().forEach(EventStream::closeAll);
        }
    }

    /**
     * Opens a deployment's stream: the missed frames since {@code lastEventId} if still buffered, else its state now;
     * for a finished deployment, the stream ends after those.
     */
    SseEmitter subscribe(Deployment d, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        EventStream stream = stream(d.id());
        Subscriber subscriber = new Subscriber(emitter, stream, QUEUE_FRAMES, HEARTBEAT);
        EventStream.Joined joined = stream.join(subscriber, lastEventId);
        List<StreamFrame> first = joined.replay().orElseGet(() -> {
            // d is current unless a newer change was published before the join; later ones are queued for us
            Deployment now = joined.lastId() <= d.version() ? d : releases.find(d.id()).orElse(d);
            return lastEventId != null && now.version() == lastEventId ? List.<StreamFrame>of()
                    : List.of(latest.snapshot(now, this::snapshotFrame));
        });
        subscriber.start(first, RETRY_MILLIS, joined.finished() || !d.isInFlight());
        return emitter;
    }

    private StreamFrame snapshotFrame(Deployment now) {
        return new StreamFrame(now.version(), "deployment", json.writeValueAsString(new Change("snapshot",
                now.version(), now.updatedAt(), DeploymentView.of(now, analysis))));
    }

    /** The deployment's state as last committed, when it changed recently: no need to read it for a new viewer. */
    Optional<Deployment> latest(UUID id) {
        return latest.find(id);
    }

    /** Opens the services stream: the missed frames since {@code lastEventId} if still buffered, else a snapshot. */
    SseEmitter subscribeServices(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, services, QUEUE_FRAMES, HEARTBEAT);
        EventStream.Joined joined = services.join(subscriber, lastEventId);
        List<StreamFrame> first = joined.replay().orElseGet(() -> List.of(
                new StreamFrame(joined.lastId(), "snapshot", json.writeValueAsString(servicesNow()))));
        subscriber.start(first, RETRY_MILLIS);
        return emitter;
    }

    private Snapshot servicesNow() {
        List<ServiceState> states = new ArrayList<>();
        catalog.all().forEach(s -> states.add(new ServiceState(s.name(), releases.list(s.name(), null, 1).stream()
                .filter(Deployment::isInFlight).findFirst().map(ReleaseSummary::of).orElse(null))));
        return new Snapshot("snapshot", Instant.now(), states);
    }

    private EventStream stream(UUID id) {
        synchronized (deployments) {
            EventStream s = deployments.computeIfAbsent(id, k -> EventStream.joinedLate(DEPLOYMENT_REPLAY_FRAMES));
            if (deployments.size() > STREAMS_KEPT) {
                deployments.entrySet().removeIf(e -> e.getValue().subscribers() == 0 && deployments.size() > STREAMS_KEPT);
            }
            return s;
        }
    }

    /** The services stream's last id: a page rendered now is at least this new. */
    long servicesVersion() {
        return services.lastId();
    }

    /** Open connections, over all streams. */
    int viewers() {
        synchronized (deployments) {
            return services.subscribers() + deployments.values().stream().mapToInt(EventStream::subscribers).sum();
        }
    }
}

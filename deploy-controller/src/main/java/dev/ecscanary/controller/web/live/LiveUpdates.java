package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentChanged;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ServiceCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub behind the status page's event streams. Every committed change of a deployment ({@link DeploymentChanged},
 * published on the reconciler's thread with a copy of the deployment as saved) is handed to the
 * {@link ChangeDispatcher} at once, which writes it to every viewer without waiting for any (see {@link Subscriber}).
 * The reconciler never waits for a viewer.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Releases releases;
    private final LiveUpdatesProperties properties;
    private final DeploymentFrames frames;
    private final ChangeDispatcher dispatcher;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("live-heartbeats").unstarted(r));
    private final ServicesStream services;
    private final DeploymentStreams deployments;
    private final LatestStates latest;

    LiveUpdates(
            Releases releases,
            ServiceCatalog catalog,
            AnalysisProperties analysis,
            JsonMapper json,
            LiveUpdatesProperties properties) {
        this.releases = releases;
        this.properties = properties;
        this.frames = new DeploymentFrames(json, analysis);
        this.services = new ServicesStream(releases, catalog, json, properties.servicesReplayFrames());
        this.deployments = new DeploymentStreams(properties.deploymentsKept(), properties.deploymentReplayFrames());
        this.latest = new LatestStates(properties.deploymentsKept());
        this.dispatcher = new ChangeDispatcher(releases, latest, frames, deployments, services);
        dispatcher.start();
        long every = properties.heartbeat().toMillis() / 3;
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void changed(DeploymentChanged change) {
        Instant committed = Instant.now();
        latest.update(change.deployment()); // at once: a viewer joining now starts from this state, not an older one
        dispatcher.send(change, committed);
    }

    private void heartbeat() {
        long now = System.nanoTime();
        try {
            services.heartbeat(properties.heartbeat(), now);
            deployments.heartbeat(properties.heartbeat(), now);
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            log.warn("Could not send heartbeats", e);
        }
    }

    /** Ends every open stream when the controller stops, so that a graceful shutdown does not wait for viewers. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        dispatcher.stop();
        heartbeats.shutdownNow();
        services.closeAll();
        deployments.closeAll();
    }

    /**
     * Starts a viewer of a deployment's stream: the missed frames since {@code lastEventId} if still buffered, else its
     * state now; for a finished deployment, the stream ends after those.
     */
    void subscribe(Deployment d, Long lastEventId, EventConnection connection) {
        EventStream stream = deployments.of(d.id());
        Subscriber subscriber = new Subscriber(connection, stream, properties.viewerQueueFrames());
        EventStream.Joined joined = stream.join(subscriber, lastEventId);
        List<StreamFrame> first = joined.replay().orElseGet(() -> {
            // d is current unless a newer change was published before the join; later ones are queued for us
            Deployment now =
                    joined.lastId() <= d.version() ? d : releases.find(d.id()).orElse(d);
            return lastEventId != null && now.version() == lastEventId
                    ? List.<StreamFrame>of()
                    : List.of(latest.snapshot(now, frames::snapshot));
        });
        subscriber.start(first, properties.retry().toMillis(), joined.finished() || !d.isInFlight());
    }

    /** The deployment's state as last committed, when it changed recently: no need to read it for a new viewer. */
    Optional<Deployment> latest(UUID id) {
        return latest.find(id);
    }

    /** Starts a viewer of the services stream: the missed frames since {@code lastEventId} if still buffered, else a snapshot. */
    void subscribeServices(Long lastEventId, EventConnection connection) {
        services.subscribe(
                connection,
                lastEventId,
                properties.viewerQueueFrames(),
                properties.retry().toMillis());
    }

    /** The services stream's last id: a page rendered now is at least this new. */
    public long servicesVersion() {
        return services.lastId();
    }

    /** How long one event-stream response stays open. */
    Duration streamTimeout() {
        return properties.streamTimeout();
    }

    /** Open connections, over all streams. */
    int viewers() {
        return services.subscribers() + deployments.subscribers();
    }
}

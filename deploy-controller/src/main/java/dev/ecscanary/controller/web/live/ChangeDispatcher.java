package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentChanged;
import dev.ecscanary.controller.deployment.Releases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that sends committed changes to their viewers: each change is serialised once and written to every
 * viewer of its deployment's stream and, as a summary, of the services stream. Changes committed while the last ones
 * went out (a new release passes through several states in a few milliseconds) go out together: one pass over the
 * viewers, one write each.
 */
final class ChangeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ChangeDispatcher.class);

    /** A change as the store committed it, and when. */
    private record Committed(DeploymentChanged change, Instant at) {}

    /** A change ready to send: the deployment's state, and its frame. */
    private record Prepared(Deployment deployment, Instant committed, StreamFrame frame) {}

    private final Releases releases;
    private final LatestStates latest;
    private final DeploymentFrames frames;
    private final DeploymentStreams deployments;
    private final ServicesStream services;
    private final BlockingQueue<Committed> changes = new LinkedBlockingQueue<>();
    private final Thread thread =
            Thread.ofPlatform().daemon().name("live-updates").unstarted(this::dispatchUntilStopped);

    ChangeDispatcher(
            Releases releases,
            LatestStates latest,
            DeploymentFrames frames,
            DeploymentStreams deployments,
            ServicesStream services) {
        this.releases = releases;
        this.latest = latest;
        this.frames = frames;
        this.deployments = deployments;
        this.services = services;
    }

    void start() {
        thread.start();
    }

    void stop() {
        thread.interrupt();
    }

    /** Hands a change over without waiting: the caller (the reconciler) never waits for a viewer. */
    void send(DeploymentChanged change, Instant committed) {
        changes.add(new Committed(change, committed));
    }

    private void dispatchUntilStopped() {
        List<Committed> batch = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(changes.take());
                changes.drainTo(batch);
                try {
                    dispatch(batch);
                } catch (RuntimeException e) { // one bad pass must not end live updates for good
                    log.warn("Could not send {} changes to their viewers", batch.size(), e);
                }
                batch.clear();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(List<Committed> batch) {
        Map<UUID, List<Prepared>> byDeployment = new LinkedHashMap<>();
        for (Committed c : batch) {
            prepare(c)
                    .ifPresent(p -> byDeployment
                            .computeIfAbsent(c.change().id(), id -> new ArrayList<>())
                            .add(p));
        }
        List<Prepared> published = new ArrayList<>();
        byDeployment.forEach((id, prepared) -> {
            EventStream stream = deployments.of(id);
            List<StreamFrame> added =
                    stream.publishAll(prepared.stream().map(Prepared::frame).toList());
            prepared.stream().filter(p -> added.contains(p.frame())).forEach(published::add);
            if (!prepared.getLast().deployment().isInFlight()) {
                stream.finish(); // a finished deployment does not change again: its viewers need not stay connected
            }
        });
        published.sort(Comparator.comparing(Prepared::committed));
        services.publishAll(published.stream()
                .map(p -> Map.entry(p.deployment(), p.committed()))
                .toList());
    }

    private Optional<Prepared> prepare(Committed c) {
        try {
            Optional<Deployment> d = c.change().deployment().hasHistory()
                    ? Optional.of(c.change().deployment())
                    : releases.find(c.change().id());
            d.ifPresent(latest::update);
            return d.map(now -> new Prepared(now, c.at(), frames.change(now, c.at())));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not send the change of deployment {} to its viewers: {}",
                    c.change().id(),
                    e.toString());
            return Optional.empty();
        }
    }
}

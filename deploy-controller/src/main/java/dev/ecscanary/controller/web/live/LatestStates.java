package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.deployment.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The last committed state of each recently changed deployment (as the store handed it on, with its history), and
 * its snapshot frame once a viewer needed one. When a release's page is opened by many at once, or every viewer
 * comes back after a restart of the network, they cost no query and one serialisation per version, not one each.
 */
final class LatestStates {

    private record Latest(Deployment deployment, StreamFrame snapshot) {}

    private final Map<UUID, Latest> byId;

    LatestStates(int capacity) {
        this.byId = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Latest> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Keeps a deployment's new state, unless a newer one is kept already; a newer state without its history is not
     * kept (it cannot make a snapshot), and the older one is forgotten.
     */
    synchronized void update(Deployment d) {
        Latest kept = byId.get(d.id());
        if (kept != null && kept.deployment().version() > d.version()) {
            return;
        }
        if (d.hasHistory()) {
            byId.put(d.id(), new Latest(d, null));
        } else {
            byId.remove(d.id());
        }
    }

    synchronized Optional<Deployment> find(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(Latest::deployment);
    }

    /** The snapshot frame of {@code now}: made by {@code render} once per version while it is the latest. */
    StreamFrame snapshot(Deployment now, Function<Deployment, StreamFrame> render) {
        synchronized (this) {
            Latest kept = byId.get(now.id());
            if (kept != null && kept.snapshot() != null && kept.deployment().version() == now.version()) {
                return kept.snapshot();
            }
        }
        StreamFrame frame = render.apply(now);
        synchronized (this) {
            Latest kept = byId.get(now.id());
            if (kept != null && kept.deployment().version() == now.version()) {
                byId.put(now.id(), new Latest(kept.deployment(), frame));
            }
        }
        return frame;
    }
}

package dev.ecscanary.controller.web.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The streams of the deployments that changed or were watched recently, one per deployment; beyond {@code kept},
 * the least recently used ones that nobody watches are forgotten (a viewer that comes back later gets a snapshot).
 */
final class DeploymentStreams {

    private final int kept;
    private final int replayFrames;
    private final Map<UUID, EventStream> streams = new LinkedHashMap<>(64, 0.75f, true);

    DeploymentStreams(int kept, int replayFrames) {
        this.kept = kept;
        this.replayFrames = replayFrames;
    }

    synchronized EventStream of(UUID id) {
        EventStream s = streams.computeIfAbsent(id, k -> EventStream.joinedLate(replayFrames));
        if (streams.size() > kept) {
            streams.entrySet().removeIf(e -> e.getValue().subscribers() == 0 && streams.size() > kept);
        }
        return s;
    }

    void heartbeat(Duration idle, long nowNanos) {
        all().forEach(s -> s.heartbeat(idle, nowNanos));
    }

    void closeAll() {
        all().forEach(EventStream::closeAll);
    }

    int subscribers() {
        return all().stream().mapToInt(EventStream::subscribers).sum();
    }

    private synchronized List<EventStream> all() {
        return new ArrayList<>(streams.values());
    }
}

package dev.ecscanary.controller.web.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One stream of frames with increasing ids (one deployment's, or the services'), its subscribers, and a bounded
 * replay buffer so that a client that reconnects with {@code Last-Event-ID} gets exactly what it missed. Publishing
 * writes to every subscriber without waiting for any: what a slow one cannot take yet waits in its queue, and one that
 * falls too far behind is dropped (its browser reconnects and resumes from the buffer, or from a snapshot).
 */
final class EventStream {

    private final int capacity;
    private final ArrayDeque<Entry> buffer = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final boolean seenFromStart;
    private long lastId;
    private boolean finished;

    /** A buffered frame and the id before it: the buffer covers a client whose last id is at least {@code previousId}. */
    private record Entry(StreamFrame frame, long previousId) {}

    /**
     * What a joining subscriber gets first: the frames it missed, or nothing to replay (it needs a snapshot); and
     * whether the stream has ended (its subscriber ends after those).
     */
    record Joined(Optional<List<StreamFrame>> replay, long lastId, boolean finished) {}

    /** A stream whose ids it numbers itself from {@code firstId}: it has seen every frame, so it can replay any gap it still buffers. */
    static EventStream numbered(int capacity, long firstId) {
        return new EventStream(capacity, true, firstId - 1);
    }

    /** A stream of ids given by others (a deployment's versions), first seen at some id: nothing before that replays. */
    static EventStream joinedLate(int capacity) {
        return new EventStream(capacity, false, -1);
    }

    private EventStream(int capacity, boolean seenFromStart, long lastId) {
        this.capacity = capacity;
        this.seenFromStart = seenFromStart;
        this.lastId = lastId;
    }

    /** Adds a frame unless its id is not newer than the last one; returns whether it was added. */
    boolean publish(StreamFrame frame) {
        return !publishAll(List.of(frame)).isEmpty();
    }

    /**
     * Adds the frames, in order, that are newer than the last one, and hands them to each subscriber together (a
     * subscriber writes them in one go); returns those added.
     */
    synchronized List<StreamFrame> publishAll(List<StreamFrame> frames) {
        List<StreamFrame> added = new ArrayList<>();
        for (StreamFrame frame : frames) {
            if (frame.id() > lastId) {
                buffer.addLast(new Entry(frame, lastId < 0 && !seenFromStart ? frame.id() : lastId));
                if (buffer.size() > capacity) {
                    buffer.removeFirst();
                }
                lastId = frame.id();
                added.add(frame);
            }
        }
        if (!added.isEmpty()) {
            for (Subscriber s : subscribers) {
                if (!s.offerAll(added)) {
                    subscribers.remove(s);
                    s.close();
                }
            }
        }
        return added;
    }

    /**
     * Registers a subscriber and tells it what it missed since {@code lastEventId}, all under the stream's lock so
     * that no frame falls between the replay and the subscriber's queue.
     */
    synchronized Joined join(Subscriber subscriber, Long lastEventId) {
        subscribers.add(subscriber);
        if (lastEventId == null
                || buffer.isEmpty()
                || lastEventId < buffer.getFirst().previousId()
                || lastEventId > lastId) {
            return new Joined(Optional.empty(), lastId, finished);
        }
        List<StreamFrame> missed = new ArrayList<>();
        for (Entry e : buffer) {
            if (e.frame().id() > lastEventId) {
                missed.add(e.frame());
            }
        }
        return new Joined(Optional.of(missed), lastId, finished);
    }

    /** Ends the stream: its subscribers end after what is queued for them, and later ones after their first frames. */
    synchronized void finish() {
        finished = true;
        subscribers.forEach(Subscriber::finish);
    }

    /** A heartbeat to every subscriber that has been sent nothing for {@code idle}. */
    void heartbeat(Duration idle, long nowNanos) {
        subscribers.forEach(s -> s.heartbeatIfIdle(idle, nowNanos));
    }

    void closeAll() {
        subscribers.forEach(Subscriber::close);
    }

    void leave(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    int subscribers() {
        return subscribers.size();
    }

    synchronized long lastId() {
        return lastId;
    }
}

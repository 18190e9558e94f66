package dev.ecscanary.controller.web.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream to one client. The thread that publishes a frame writes it out itself, as far as the
 * connection takes it without waiting; what a slow client cannot take yet waits in a bounded queue and goes out when
 * the connection says it can take more, and a client that falls too far behind is dropped. So a slow client only ever
 * slows itself, and a change reaches a thousand viewers in one pass of one thread: no thread per viewer that would
 * have to be scheduled, behind whatever else the machine is doing, before the viewer sees the change.
 * Frames not newer than the last one sent (already covered by the replay or the snapshot) are skipped.
 */
final class Subscriber implements EventConnection.Listener {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private final EventConnection connection;
    private final EventStream stream;
    private final int capacity;
    private final Queue<StreamFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean open = new AtomicBoolean(true);
    // Whoever finds the count at zero writes; others only raise it, and the writer goes round again for them.
    // So writes to the connection never overlap, and no thread ever waits for another.
    private final AtomicInteger drainRequests = new AtomicInteger();
    // Held while writing, and by close() before the response is completed: the container's callbacks that end the
    // stream wait for a write under way, so nothing is ever written to a response the container has taken back.
    private final ReentrantLock writing = new ReentrantLock();
    private volatile List<StreamFrame> first = List.of();
    private volatile boolean started;
    private volatile long lastWriteNanos = System.nanoTime();
    // touched only by the one thread writing at a time
    private int firstWritten;
    private long lastSentId = -1;
    private boolean unflushed;
    private boolean ended;

    Subscriber(EventConnection connection, EventStream stream, int capacity) {
        this.connection = connection;
        this.stream = stream;
        this.capacity = capacity;
    }

    /**
     * Starts the stream: an opening with the browser's reconnect delay, then {@code frames} (what the client missed,
     * or a snapshot), then what was published since it joined; with {@code thenEnd}, the stream ends after
     * {@code frames}. The first write happens when the connection first says it can take one.
     */
    void start(List<StreamFrame> frames, long retryMillis, boolean thenEnd) {
        List<StreamFrame> all = new ArrayList<>();
        all.add(StreamFrame.opening(retryMillis));
        all.addAll(frames);
        if (thenEnd) {
            all.add(StreamFrame.END);
        }
        first = List.copyOf(all);
        connection.listen(this);
    }

    /** Queues a frame and writes what the connection takes now; false when the client is too far behind (or gone). */
    boolean offer(StreamFrame frame) {
        return offerAll(List.of(frame));
    }

    /** As {@link #offer}, for frames that go out together: written in one go, with one flush. */
    boolean offerAll(List<StreamFrame> frames) {
        if (!open.get() || queued.addAndGet(frames.size()) > capacity) {
            return false;
        }
        queue.addAll(frames);
        drain();
        return open.get();
    }

    /** Ends the stream once the frames queued before this one are written: nothing more will come. */
    void finish() {
        if (!offer(StreamFrame.END)) {
            close();
        }
    }

    /** Sends a comment when nothing else went out for {@code idle}: proxies and browsers keep the connection. */
    void heartbeatIfIdle(Duration idle, long nowNanos) {
        if (started && nowNanos - lastWriteNanos >= idle.toNanos() && !offer(StreamFrame.HEARTBEAT)) {
            close();
        }
    }

    @Override
    public void writable() {
        started = true;
        drain();
    }

    @Override
    public void closed() {
        close();
    }

    private void drain() {
        if (drainRequests.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (started && open.get()) {
                writeWhatTheConnectionTakes();
            }
            missed = drainRequests.addAndGet(-missed);
        } while (missed != 0);
    }

    private void writeWhatTheConnectionTakes() {
        writing.lock();
        try {
            while (open.get() && connection.ready()) {
                StreamFrame f = next();
                if (f == null) {
                    if (!unflushed) {
                        break;
                    }
                    connection.flush(); // a backlog goes out in one flush
                    unflushed = false;
                } else if (!f.numbered() || f.id() > lastSentId) {
                    connection.write(f.bytes());
                    unflushed = true;
                    ended = f == StreamFrame.END;
                    lastSentId = f.numbered() ? f.id() : lastSentId;
                    lastWriteNanos = System.nanoTime();
                }
            }
            if (ended && !unflushed) {
                close();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("A viewer's stream ended: {}", e.toString());
            close(); // the client went away
        } finally {
            writing.unlock();
        }
    }

    private StreamFrame next() {
        if (ended) {
            return null;
        }
        if (firstWritten < first.size()) {
            return first.get(firstWritten++);
        }
        StreamFrame f = queue.poll();
        if (f != null) {
            queued.decrementAndGet();
        }
        return f;
    }

    /**
     * Ends the stream without waiting for the client. A write under way finishes first: once the response is
     * complete the container recycles its objects for another request, and a late write would land in that one.
     */
    void close() {
        if (open.compareAndSet(true, false)) {
            stream.leave(this);
            queue.clear();
            writing.lock(); // reentrant: a write that ends the stream closes it itself
            try {
                connection.complete();
            } finally {
                writing.unlock();
            }
        }
    }

    boolean isOpen() {
        return open.get();
    }
}

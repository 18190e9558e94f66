package dev.ecscanary.controller.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream to one client. Frames wait in a bounded queue and its own virtual thread writes them out,
 * so a slow client only ever slows itself; a comment goes out as a heartbeat when nothing else has for a while.
 * Frames not newer than the last one sent (already covered by the replay or the snapshot) are skipped.
 */
final class Subscriber {

    private final SseEmitter emitter;
    private final BlockingQueue<StreamFrame> queue;
    private final Duration heartbeat;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final EventStream stream;
    private volatile Thread sender;
    private long lastSentId = -1;

    Subscriber(SseEmitter emitter, EventStream stream, int queueCapacity, Duration heartbeat) {
        this.emitter = emitter;
        this.stream = stream;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.heartbeat = heartbeat;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
    }

    /** Queues a frame without waiting; false when the client is too far behind (or gone) and should be dropped. */
    boolean offer(StreamFrame frame) {
        return open.get() && queue.offer(frame);
    }

    /** Ends the stream once the frames queued before this one are written: nothing more will come. */
    void finish() {
        if (!offer(StreamFrame.END)) {
            close();
        }
    }

    /** Starts writing: first what the client missed (or a snapshot), then the queue, until the connection ends. */
    void start(List<StreamFrame> first, String retryHintMillis) {
        start(first, retryHintMillis, false);
    }

    /** As {@link #start(List, String)}; with {@code thenEnd}, the stream ends after {@code first}. */
    void start(List<StreamFrame> first, String retryHintMillis, boolean thenEnd) {
        sender = Thread.ofVirtual().name("sse-subscriber")
                .start(() -> run(first, Long.parseLong(retryHintMillis), thenEnd));
    }

    private void run(List<StreamFrame> first, long retryMillis, boolean thenEnd) {
        try {
            emitter.send(SseEmitter.event().reconnectTime(retryMillis).comment("connected"));
            sendAll(first);
            if (thenEnd) {
                end();
                return;
            }
            List<StreamFrame> pending = new ArrayList<>();
            while (open.get()) {
                StreamFrame f = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (f == null) {
                    emitter.send(StreamFrame.HEARTBEAT);
                    continue;
                }
                pending.add(f);
                queue.drainTo(pending);
                boolean ends = pending.remove(StreamFrame.END);
                sendAll(pending);
                pending.clear();
                if (ends) {
                    end();
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            close(); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void end() throws IOException {
        emitter.send(StreamFrame.END.encoded());
        close();
    }

    /**
     * Writes every frame that queued up while the last write went out in one write and one flush: a viewer that fell
     * behind catches up in one go instead of frame by frame.
     */
    private void sendAll(List<StreamFrame> frames) throws IOException {
        Set<ResponseBodyEmitter.DataWithMediaType> out = new LinkedHashSet<>();
        long last = lastSentId;
        for (StreamFrame f : frames) {
            if (f.id() > last) {
                out.addAll(f.encoded());
                last = f.id();
            }
        }
        if (!out.isEmpty()) {
            emitter.send(out);
            lastSentId = last;
        }
    }

    /** Ends the stream without waiting: completing the response may wait for a write to a slow client. */
    void close() {
        if (open.compareAndSet(true, false)) {
            stream.leave(this);
            Thread t = sender;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
            Thread.ofVirtual().name("sse-close").start(this::complete);
        }
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // already completed or failed: nothing left to end
        }
    }

    boolean isOpen() {
        return open.get();
    }
}

package dev.ecscanary.controller.web.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client connection for tests, with the container's rules: writing while it is not ready is an error, and two
 * writes at once are caught. What went out is recorded flush by flush.
 */
final class RecordingConnection implements EventConnection {

    final List<String> flushes = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream unflushed = new ByteArrayOutputStream();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile boolean ready = true;
    private volatile boolean failing;
    private volatile boolean completed;
    private volatile boolean overlapped;
    private volatile Listener listener;
    private volatile boolean writtenAfterComplete;
    private volatile java.util.concurrent.CountDownLatch writeEntered;
    private volatile java.util.concurrent.CountDownLatch writeGate;

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    /** The container's first callback: the connection is open and can take a write. */
    void open() {
        listener.writable();
    }

    /** A client that stops reading: the connection takes nothing more until {@link #drained()}. */
    void stall() {
        ready = false;
    }

    /** The client read what was waiting: the container says so. */
    void drained() {
        ready = true;
        listener.writable();
    }

    /** The client went away: the next write fails. */
    void breakConnection() {
        failing = true;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** The next write waits, once it has begun, until the returned latch is counted down. */
    java.util.concurrent.CountDownLatch holdNextWrite(java.util.concurrent.CountDownLatch entered) {
        writeEntered = entered;
        writeGate = new java.util.concurrent.CountDownLatch(1);
        return writeGate;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (!writing.compareAndSet(false, true)) {
            overlapped = true;
        }
        try {
            if (completed) {
                writtenAfterComplete = true;
            }
            java.util.concurrent.CountDownLatch gate = writeGate;
            if (gate != null) {
                writeGate = null;
                writeEntered.countDown();
                try {
                    gate.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failing) {
                throw new IOException("Broken pipe");
            }
            if (!ready) {
                throw new IllegalStateException("written while the connection was not ready");
            }
            synchronized (unflushed) {
                unflushed.write(bytes);
            }
        } finally {
            writing.set(false);
        }
    }

    @Override
    public void flush() throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        synchronized (unflushed) {
            flushes.add(unflushed.toString(StandardCharsets.UTF_8));
            unflushed.reset();
        }
    }

    @Override
    public void complete() {
        completed = true;
    }

    boolean completed() {
        return completed;
    }

    boolean writtenAfterComplete() {
        return writtenAfterComplete;
    }

    boolean writesOverlapped() {
        return overlapped;
    }

    String text() {
        return String.join("", flushes);
    }

    /** The ids of the events that went out, in order. */
    List<Long> ids() {
        return Arrays.stream(text().split("\n"))
                .filter(line -> line.startsWith("id:"))
                .map(line -> Long.parseLong(line.substring(3)))
                .toList();
    }
}

package dev.ecscanary.controller.wire;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The faults the stand-in is told to inject, by AWS operation: the next few calls, or every call until healed. */
public final class WireFaults {

    private static final long MAX_HOLD_SECONDS = 60;

    private final Map<String, Deque<WireFault>> next = new HashMap<>();
    private final Map<String, WireFault> always = new HashMap<>();
    private CountDownLatch held = new CountDownLatch(1);

    /** The next calls of {@code operation} get these faults, one each, in order; later calls are answered normally. */
    public synchronized void next(String operation, WireFault... faults) {
        next.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(Arrays.asList(faults));
    }

    /** Every call of {@code operation} gets the fault until {@link #heal}. */
    public synchronized void always(String operation, WireFault fault) {
        always.put(operation, fault);
    }

    public synchronized void heal(String operation) {
        always.remove(operation);
        next.remove(operation);
    }

    /** Heals everything and lets any held answer go. */
    public synchronized void clear() {
        next.clear();
        always.clear();
        releaseHeldAnswers();
    }

    public synchronized void releaseHeldAnswers() {
        held.countDown();
        held = new CountDownLatch(1);
    }

    /** Faults queued with {@link #next} that no call has met yet. */
    public synchronized int pending(String operation) {
        Deque<WireFault> queued = next.get(operation);
        return queued == null ? 0 : queued.size();
    }

    synchronized WireFault take(String operation) {
        Deque<WireFault> queued = next.get(operation);
        if (queued != null && !queued.isEmpty()) {
            return queued.poll();
        }
        return always.get(operation);
    }

    /** Blocks the answering thread until the test lets held answers go (bounded, so a forgotten hold cannot hang). */
    void hold() {
        CountDownLatch latch;
        synchronized (this) {
            latch = held;
        }
        try {
            latch.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

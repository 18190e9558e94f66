package dev.ecscanary.controller.deployment.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per deployment, so that one thread at a time works on it: a tick, a first step, or an operator. */
final class DeploymentLocks {

    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Takes the deployment's lock if nobody holds it now. */
    boolean takeIfFree(UUID id) {
        return lockOf(id).tryLock();
    }

    /** Waits up to {@code wait} for the lock; false when it could not be had (an interrupt is kept for the caller). */
    boolean take(UUID id, Duration wait) {
        try {
            return lockOf(id).tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives the lock back; a deployment that has finished needs none any more. */
    void giveBack(UUID id, boolean finished) {
        lockOf(id).unlock();
        if (finished) {
            locks.remove(id);
        }
    }

    boolean isHeld(UUID id) {
        ReentrantLock lock = locks.get(id);
        return lock != null && lock.isLocked();
    }

    private ReentrantLock lockOf(UUID id) {
        return locks.computeIfAbsent(id, k -> new ReentrantLock());
    }
}

package dev.ecscanary.controller.security.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key: {@code perMinute} requests in a burst, refilled evenly over a minute. At most
 * {@value #MAX_KEYS} keys are kept; beyond that, full buckets (callers at rest) are forgotten.
 */
final class RateLimiter {

    static final int MAX_KEYS = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** @return 0 when the request may go ahead, else the seconds until it may be retried */
    long tryAcquire(String key) {
        if (buckets.size() > MAX_KEYS) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nanoTime.getAsLong()))
                .take(nanoTime.getAsLong());
    }

    /** Whether the key's budget is spent right now; takes nothing. */
    boolean isExhausted(String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.isEmpty(nanoTime.getAsLong());
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanosPerToken = (double) MINUTE_NANOS / perMinute;
            return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken / 1e9));
        }

        synchronized boolean isEmpty(long now) {
            refill(now);
            return tokens < 1;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= perMinute;
        }

        private void refill(long now) {
            tokens = Math.min(perMinute, tokens + (now - updatedAt) * (double) perMinute / MINUTE_NANOS);
            updatedAt = now;
        }
    }
}

package dev.ecscanary.controller.judge;

import java.time.Instant;

/**
 * One side's numbers for one CloudWatch minute, from its target group's ALB metrics.
 *
 * @param start     the minute's start
 * @param requests  {@code RequestCount} (Sum)
 * @param errors    {@code HTTPCode_Target_5XX_Count} (Sum): answers the targets gave with a 5xx status
 * @param p99Millis {@code TargetResponseTime} p99 in milliseconds, or null when CloudWatch has none for the minute
 */
public record Minute(Instant start, long requests, long errors, Double p99Millis) {

    public Minute {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException(
                    "a minute needs 0 <= errors <= requests, got " + errors + " of " + requests);
        }
        if (p99Millis != null && (p99Millis.isNaN() || p99Millis < 0)) {
            throw new IllegalArgumentException("p99 must be a non-negative number, got " + p99Millis);
        }
    }
}

package dev.ecscanary.controller.pretraffic;

import java.time.Instant;
import java.util.List;

/**
 * What a pre-traffic check found: each request's results and the verdict.
 *
 * @param startedAt when the first request went out
 * @param endedAt   when the last answer came (or timed out)
 * @param targets   the replacement's addresses that were asked, {@code host:port}
 * @param requests  one entry per configured request, in plan order
 * @param passed    whether the replacement may take traffic
 * @param reason    why it failed, with the numbers; or a one-line summary when it passed
 */
public record SmokeReport(
        Instant startedAt,
        Instant endedAt,
        List<String> targets,
        List<RequestResult> requests,
        boolean passed,
        String reason) {

    public SmokeReport {
        targets = List.copyOf(targets);
        requests = List.copyOf(requests);
    }

    /**
     * One configured request over all rounds.
     *
     * @param label        e.g. {@code GET /api/tasks}
     * @param count        answers received or timed out (skipped requests not counted)
     * @param failures     of those, how many did not pass
     * @param skipped      how many were not sent because an earlier request of their round failed
     * @param p50Millis    median latency, or null when none was sent
     * @param p99Millis    99th percentile latency (nearest rank), or null when none was sent
     * @param firstFailure what the first failing answer was, or null
     */
    public record RequestResult(
            String label, int count, int failures, int skipped, Long p50Millis, Long p99Millis, String firstFailure) {}
}

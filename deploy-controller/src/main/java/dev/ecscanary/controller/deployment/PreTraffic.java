package dev.ecscanary.controller.deployment;

import java.time.Instant;
import java.util.List;

/**
 * A release's pre-traffic phase: the service's checks run against the replacement while CodeDeploy waits in
 * READY_WAIT, before step 1, and what came of them, including the ContinueDeployment that lets traffic in.
 *
 * @param verdict             where the phase stands
 * @param startedAt           when the checks started (or the phase was found to need none)
 * @param endedAt             when the verdict was reached, or null while running
 * @param targets             the replacement's addresses that were asked, {@code host:port}
 * @param checks              one entry per configured request, in the order of the service's check
 * @param summary             the verdict in a sentence, with its numbers
 * @param continueState       how far the ContinueDeployment that follows a pass has got
 * @param continueRequestedAt when ContinueDeployment was decided (saved before the call), or null
 */
public record PreTraffic(
        Verdict verdict,
        Instant startedAt,
        Instant endedAt,
        List<String> targets,
        List<Check> checks,
        String summary,
        ContinueState continueState,
        Instant continueRequestedAt) {

    public PreTraffic {
        targets = targets == null ? List.of() : List.copyOf(targets);
        checks = checks == null ? List.of() : List.copyOf(checks);
        continueState = continueState == null ? ContinueState.NONE : continueState;
    }

    public enum Verdict {
        /** The checks are running against the replacement. */
        RUNNING,
        /** Every check passed: the replacement may take production traffic. */
        PASSED,
        /** A check failed: the release is stopped before any user traffic. */
        FAILED,
        /** The service declares no checks: the release continues at once. */
        NOT_CONFIGURED,
        /** CodeDeploy ended the deployment (its ready wait ran out) before the checks finished. */
        CUT_SHORT;

        /** True when the replacement may take production traffic. */
        public boolean letsTrafficIn() {
            return this == PASSED || this == NOT_CONFIGURED;
        }
    }

    public enum ContinueState {
        NONE,
        /** Decided and saved; the call may or may not have reached CodeDeploy. */
        REQUESTED,
        /** CodeDeploy took it, or was seen moving past READY_WAIT. */
        ACCEPTED
    }

    /**
     * One configured request over all rounds.
     *
     * @param label        e.g. {@code GET /api/tasks}
     * @param count        answers received or timed out
     * @param failures     of those, how many did not pass
     * @param skipped      not sent because an earlier request of their round failed
     * @param p50Millis    median latency, or null when none was sent
     * @param p99Millis    99th percentile latency, or null when none was sent
     * @param firstFailure the first failing answer, or null
     */
    public record Check(
            String label, int count, int failures, int skipped, Long p50Millis, Long p99Millis, String firstFailure) {}

    static PreTraffic running(Instant at) {
        return new PreTraffic(Verdict.RUNNING, at, null, List.of(), List.of(), null, ContinueState.NONE, null);
    }

    static PreTraffic notConfigured(Instant at, String summary) {
        return new PreTraffic(Verdict.NOT_CONFIGURED, at, at, List.of(), List.of(), summary, ContinueState.NONE, null);
    }

    PreTraffic ended(Verdict verdict, Instant at, List<String> targets, List<Check> checks, String summary) {
        return new PreTraffic(verdict, startedAt, at, targets, checks, summary, continueState, continueRequestedAt);
    }

    PreTraffic continuing(ContinueState state, Instant requestedAt) {
        return new PreTraffic(verdict, startedAt, endedAt, targets, checks, summary, state, requestedAt);
    }
}

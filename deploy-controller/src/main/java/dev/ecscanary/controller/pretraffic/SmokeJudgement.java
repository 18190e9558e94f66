package dev.ecscanary.controller.pretraffic;

import dev.ecscanary.controller.pretraffic.SmokeReport.RequestResult;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Turns a check's samples into its report: a request fails the check when its share of failed answers is over the
 * plan's limit or its p99 latency is over the budget; the reason names the first such request in plan order.
 */
final class SmokeJudgement {

    private SmokeJudgement() {}

    static SmokeReport report(
            SmokePlan plan,
            List<URI> targets,
            List<Queue<Sample>> samples,
            AtomicIntegerArray skipped,
            Instant started,
            Instant ended) {
        List<String> asked =
                targets.stream().map(t -> t.getHost() + ":" + t.getPort()).toList();
        List<RequestResult> results = new ArrayList<>();
        String reason = null;
        for (int i = 0; i < plan.requests().size(); i++) {
            List<Sample> own = List.copyOf(samples.get(i));
            RequestResult result = result(plan.requests().get(i), own, skipped.get(i));
            results.add(result);
            if (reason == null) {
                reason = failure(plan, result, own);
            }
        }
        if (targets.isEmpty()) {
            reason = "the replacement has no healthy target to ask";
        }
        boolean passed = reason == null;
        return new SmokeReport(
                started, ended, asked, results, passed, passed ? summary(results, asked.size()) : reason);
    }

    private static RequestResult result(SmokeRequest request, List<Sample> samples, int skipped) {
        long[] millis = samples.stream().mapToLong(Sample::millis).sorted().toArray();
        int failures = (int) samples.stream().filter(Sample::isFailure).count();
        String first = firstFailure(samples).map(Sample::describe).orElse(null);
        return new RequestResult(
                request.label(),
                samples.size(),
                failures,
                skipped,
                Percentiles.nearestRank(millis, 50),
                Percentiles.nearestRank(millis, 99),
                first);
    }

    /** Why this request fails the check, or null when it passes. */
    private static String failure(SmokePlan plan, RequestResult result, List<Sample> samples) {
        if (result.count() > 0 && (double) result.failures() / result.count() > plan.maxFailedShare()) {
            return result.failures() + " of " + result.count() + " requests to " + result.label() + " " + how(samples);
        }
        if (result.p99Millis() != null
                && result.p99Millis() > plan.latencyBudget().toMillis()) {
            return "p99 of " + result.label() + " was " + result.p99Millis() + " ms, over the "
                    + Durations.text(plan.latencyBudget()) + " budget";
        }
        return null;
    }

    /** {@code answered 500} when every failure was alike, else what the first one was; with the first answer. */
    private static String how(List<Sample> samples) {
        List<Sample> failed = samples.stream().filter(Sample::isFailure).toList();
        Sample first = firstFailure(failed).orElseThrow();
        boolean alike = failed.stream().allMatch(s -> s.failure().equals(first.failure()));
        String what = alike ? first.failure() : "failed (the first " + first.failure() + ")";
        return first.answer() == null || first.answer().isEmpty() ? what : what + ": " + first.answer();
    }

    private static java.util.Optional<Sample> firstFailure(List<Sample> samples) {
        return samples.stream().filter(Sample::isFailure).min(Comparator.comparingLong(Sample::startedNanos));
    }

    private static String summary(List<RequestResult> results, int targets) {
        int requests = results.stream().mapToInt(RequestResult::count).sum();
        RequestResult slowest = results.stream()
                .filter(r -> r.p99Millis() != null)
                .max(Comparator.comparingLong(RequestResult::p99Millis))
                .orElseThrow();
        return "all " + requests + " requests passed on " + targets + (targets == 1 ? " target" : " targets")
                + "; slowest p99 " + slowest.p99Millis() + " ms (" + slowest.label() + ")";
    }
}

package dev.ecscanary.controller.judge;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's canary judge decides ({@code controller.services.<name>.canary-judge}); the defaults keep the
 * false-rollback rate of a healthy release well under one in a thousand (see CanaryJudgeSimulationTest).
 *
 * @param enabled              whether the judge runs at all; default true
 * @param shadow               record and show verdicts, never act on them; default false
 * @param errorMargin          how much higher (absolute share, 0.01 = one percentage point) the new version's 5xx
 *                             share must be than the old one's to fail; default 0.01
 * @param significance         the one-sided Fisher's exact test's p-value below which a higher share is real;
 *                             default 0.001
 * @param minRequests          requests each side needs over the release so far before 5xx shares are compared;
 *                             default 50
 * @param latencyRatio         the new version's p99 must exceed the old one's by this factor to breach; default 1.5
 * @param latencyFloor         and by at least this much; default 50ms
 * @param consecutive          breaching minutes in a row that fail the latency check; default 2
 * @param minDatapointRequests requests each side needs in a minute for its p99 to be compared (a p99 of fewer requests
 *                             is nearly their maximum, too noisy to judge); default 50
 * @param warmUpDatapoints     the new version's first minutes with traffic, in which a new JVM is slower; default 2
 * @param warmUpTolerance      the latency ratio is multiplied by this in the warm-up minutes; default 3 (measured on
 *                             the demo app: p99 three times higher after 5 s of load than after 20 s)
 */
public record JudgeSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean shadow,
        @DefaultValue("0.01") double errorMargin,
        @DefaultValue("0.001") double significance,
        @DefaultValue("50") int minRequests,
        @DefaultValue("1.5") double latencyRatio,
        @DefaultValue("50ms") Duration latencyFloor,
        @DefaultValue("2") int consecutive,
        @DefaultValue("50") int minDatapointRequests,
        @DefaultValue("2") int warmUpDatapoints,
        @DefaultValue("3") double warmUpTolerance) {

    public static JudgeSettings defaults() {
        return new JudgeSettings(true, false, 0.01, 0.001, 50, 1.5, Duration.ofMillis(50), 2, 50, 2, 3);
    }

    /** Throws with the property and the reason when a value cannot work; {@code at} names the settings' place. */
    public JudgeSettings check(String at) {
        require(errorMargin >= 0 && errorMargin < 1, at + ".error-margin", "must be 0 or more and less than 1");
        require(significance > 0 && significance < 0.5, at + ".significance", "must be more than 0 and less than 0.5");
        require(minRequests >= 1, at + ".min-requests", "must be at least 1");
        require(latencyRatio >= 1, at + ".latency-ratio", "must be at least 1");
        require(latencyFloor != null && !latencyFloor.isNegative(), at + ".latency-floor", "must be 0 or more");
        require(consecutive >= 1 && consecutive <= 10, at + ".consecutive", "must be 1 to 10");
        require(minDatapointRequests >= 1, at + ".min-datapoint-requests", "must be at least 1");
        require(warmUpDatapoints >= 0 && warmUpDatapoints <= 5, at + ".warm-up-datapoints", "must be 0 to 5");
        require(warmUpTolerance >= 1, at + ".warm-up-tolerance", "must be at least 1");
        return this;
    }

    private static void require(boolean ok, String at, String what) {
        if (!ok) {
            throw new IllegalArgumentException(at + ": " + what);
        }
    }
}

package dev.ecscanary.controller.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Many simulated releases through the real judge, the same seed every run: how often the defaults stop a healthy
 * release (false rollbacks), and how soon they stop a subtly bad or a slow one (power), at the rehearsal's default
 * traffic and at the traffic the bad-releases benchmark uses.
 *
 * <p>A release is ten one-minute steps of 10% more traffic each (Linear10PercentEvery1Minutes); the judge looks once
 * a minute at all minutes so far, as the controller's reads of one-minute ALB datapoints do. Each request's latency is
 * log-normal (median 15 ms, sigma 0.5: p99 about 48 ms, the demo app's profile), and the p99 of a minute is the
 * nearest-rank p99 of its requests, as few as CloudWatch would see. A new version is slower while it warms up: three
 * times in its first minute with traffic, 1.5 times in its second (measured on the demo app: p99 three times higher
 * after 5 s of load than after 20 s). Both versions fail 0.1% of requests when healthy.
 */
class CanaryJudgeSimulationTest {

    private static final long SEED = 20261204L;
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final double BASE_ERROR_RATE = 0.001;
    private static final double MEDIAN_MS = 15;
    private static final double SIGMA = 0.5;
    /** The rehearsal's default: 20 requests a second at time scale 10 is 120 requests per CodeDeploy minute. */
    static final int REHEARSAL_PER_MINUTE = 120;
    /** The bad-releases benchmark's traffic: 200 requests a second at time scale 10. */
    static final int BENCHMARK_PER_MINUTE = 1200;

    /** What the new version does differently, on a service whose requests take {@code medianMs} at the median. */
    record Variant(double medianMs, double errorRate, double latencyFactor, double addedMs) {}

    static final Variant HEALTHY = new Variant(MEDIAN_MS, BASE_ERROR_RATE, 1, 0);
    static final Variant SUBTLE = new Variant(MEDIAN_MS, BASE_ERROR_RATE + 0.02, 1, 0);
    static final Variant SLOW = new Variant(MEDIAN_MS, BASE_ERROR_RATE, 1, 300);
    /** The demo app's p99 doubled: 48 ms to 96 ms, under the 50 ms floor at most minutes. */
    static final Variant DOUBLED_FAST = new Variant(MEDIAN_MS, BASE_ERROR_RATE, 2, 0);
    /** A slower service's p99 doubled: about 190 ms to 380 ms. */
    static final Variant DOUBLED = new Variant(60, BASE_ERROR_RATE, 2, 0);

    static final Variant HEALTHY_SLOWER_SERVICE = new Variant(60, BASE_ERROR_RATE, 1, 0);

    /** The step (1 to 10) at which the judge first failed the release, or 0 when it never did. */
    static int failingStep(Variant variant, int perMinute, JudgeSettings settings, SplittableRandom random) {
        List<Minute> oldSide = new ArrayList<>();
        List<Minute> newSide = new ArrayList<>();
        for (int step = 1; step <= 10; step++) {
            Instant start = T0.plus(Duration.ofMinutes(step - 1));
            int onNew = (int) Math.round(perMinute * step / 10.0);
            double warmUp = step == 1 ? 3 : step == 2 ? 1.5 : 1;
            oldSide.add(minute(start, perMinute - onNew, variant.medianMs(), BASE_ERROR_RATE, 1, 0, random));
            newSide.add(minute(
                    start,
                    onNew,
                    variant.medianMs(),
                    variant.errorRate(),
                    variant.latencyFactor() * warmUp,
                    variant.addedMs(),
                    random));
            if (CanaryJudge.judge(oldSide, newSide, settings).isFail()) {
                return step;
            }
        }
        return 0;
    }

    private static Minute minute(
            Instant start,
            int requests,
            double medianMs,
            double errorRate,
            double factor,
            double addedMs,
            SplittableRandom random) {
        if (requests == 0) {
            return new Minute(start, 0, 0, null);
        }
        long errors = 0;
        double[] latencies = new double[requests];
        for (int i = 0; i < requests; i++) {
            if (random.nextDouble() < errorRate) {
                errors++;
            }
            latencies[i] = medianMs * Math.exp(SIGMA * gaussian(random)) * factor + addedMs;
        }
        Arrays.sort(latencies);
        double p99 = latencies[Math.max((int) Math.ceil(0.99 * requests), 1) - 1];
        return new Minute(start, requests, errors, p99);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Per step 1 to 10, the share of releases failed at or before it. */
    static double[] failedBy(Variant variant, int perMinute, int releases, JudgeSettings settings) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] atStep = new int[11];
        for (int r = 0; r < releases; r++) {
            atStep[failingStep(variant, perMinute, settings, random)]++;
        }
        double[] cumulative = new double[11];
        int sum = 0;
        for (int step = 1; step <= 10; step++) {
            sum += atStep[step];
            cumulative[step] = (double) sum / releases;
        }
        return cumulative;
    }

    @Test
    void theDefaultsAlmostNeverStopAHealthyRelease() {
        int releases = 2000;
        double atRehearsal = failedBy(HEALTHY, REHEARSAL_PER_MINUTE, releases, JudgeSettings.defaults())[10];
        double atBenchmark = failedBy(HEALTHY, BENCHMARK_PER_MINUTE, releases, JudgeSettings.defaults())[10];
        double slowerService =
                failedBy(HEALTHY_SLOWER_SERVICE, BENCHMARK_PER_MINUTE, releases, JudgeSettings.defaults())[10];

        System.out.printf(
                Locale.ROOT,
                "false rollbacks per healthy release: %.4f at %d requests/min, %.4f at %d requests/min, %.4f for a "
                        + "service with a 190 ms p99 at %d requests/min (%d releases each)%n",
                atRehearsal,
                REHEARSAL_PER_MINUTE,
                atBenchmark,
                BENCHMARK_PER_MINUTE,
                slowerService,
                BENCHMARK_PER_MINUTE,
                releases);
        assertThat(atRehearsal).isLessThanOrEqualTo(0.001);
        assertThat(atBenchmark).isLessThanOrEqualTo(0.001);
        assertThat(slowerService).isLessThanOrEqualTo(0.001);
    }

    @Test
    void aTwoPercentErrorIncreaseIsStoppedEarlyAtTheBenchmarksTraffic() {
        double[] benchmark = failedBy(SUBTLE, BENCHMARK_PER_MINUTE, 1000, JudgeSettings.defaults());
        double[] rehearsal = failedBy(SUBTLE, REHEARSAL_PER_MINUTE, 1000, JudgeSettings.defaults());

        System.out.printf(
                Locale.ROOT,
                "power for +2%% 5xx: by step 2 %.3f, by step 3 %.3f, by step 10 %.3f at %d/min; "
                        + "by step 2 %.3f, by step 10 %.3f at %d/min%n",
                benchmark[2],
                benchmark[3],
                benchmark[10],
                BENCHMARK_PER_MINUTE,
                rehearsal[2],
                rehearsal[10],
                REHEARSAL_PER_MINUTE);
        assertThat(benchmark[2]).isGreaterThanOrEqualTo(0.5);
        assertThat(benchmark[10]).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void aSlowVersionIsStoppedByStepTwoAndADoubledP99ByStepThree() {
        double[] slow = failedBy(SLOW, BENCHMARK_PER_MINUTE, 1000, JudgeSettings.defaults());
        double[] doubled = failedBy(DOUBLED, BENCHMARK_PER_MINUTE, 1000, JudgeSettings.defaults());
        double[] doubledFast = failedBy(DOUBLED_FAST, BENCHMARK_PER_MINUTE, 1000, JudgeSettings.defaults());
        double[] slowAtRehearsal = failedBy(SLOW, REHEARSAL_PER_MINUTE, 1000, JudgeSettings.defaults());

        System.out.printf(
                Locale.ROOT,
                "power at %d/min: +300 ms by step 2 %.3f; p99 190 -> 380 ms by step 4 %.3f, by step 10 %.3f; "
                        + "p99 48 -> 96 ms (under the 50 ms floor) by step 10 %.3f; at %d/min +300 ms by step 10 %.3f%n",
                BENCHMARK_PER_MINUTE,
                slow[2],
                doubled[4],
                doubled[10],
                doubledFast[10],
                REHEARSAL_PER_MINUTE,
                slowAtRehearsal[10]);
        assertThat(slow[2]).isGreaterThanOrEqualTo(0.99);
        assertThat(doubled[4]).isGreaterThanOrEqualTo(0.9);
    }
}

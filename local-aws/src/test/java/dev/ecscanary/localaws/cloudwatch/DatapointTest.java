package dev.ecscanary.localaws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statistics of one datapoint: the basic ones of every metric, percentiles of one put as samples. */
class DatapointTest {

    private static Datapoint responseTimes(int n) {
        Datapoint point = new Datapoint();
        for (int i = 1; i <= n; i++) {
            point.addSample(i / 1000.0); // 1 ms .. n ms
        }
        return point;
    }

    @Test
    void percentilesAreNearestRankValuesThatWerePut() {
        Datapoint point = responseTimes(200);

        assertThat(point.statistic("p50")).isEqualTo(0.100);
        assertThat(point.statistic("p90")).isEqualTo(0.180);
        assertThat(point.statistic("p99")).isEqualTo(0.198);
        assertThat(point.statistic("p99.9")).isEqualTo(0.200);
        assertThat(point.statistic("p100")).isEqualTo(0.200);
        assertThat(point.statistic("SampleCount")).isEqualTo(200);
        assertThat(point.statistic("Maximum")).isEqualTo(0.200);
    }

    @Test
    void mergedPeriodsKeepEverySample() {
        Datapoint period = new Datapoint();
        period.merge(responseTimes(100));
        Datapoint slow = new Datapoint();
        slow.addSample(5.0);
        period.merge(slow);

        assertThat(period.statistic("SampleCount")).isEqualTo(101);
        assertThat(period.statistic("p99")).isEqualTo(0.100);
        assertThat(period.statistic("p100")).isEqualTo(5.0);
    }

    @Test
    void aCountHasNoPercentilesAndAnUnknownStatisticIsNaN() {
        Datapoint count = new Datapoint();
        count.add(1);
        count.add(1);

        assertThat(count.statistic("Sum")).isEqualTo(2);
        assertThat(count.statistic("p99")).isNaN();
        assertThat(responseTimes(10).statistic("tm99")).isNaN();
        assertThat(responseTimes(10).statistic("p101")).isNaN();
    }
}

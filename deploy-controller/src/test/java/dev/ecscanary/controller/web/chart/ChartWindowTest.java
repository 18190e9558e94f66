package dev.ecscanary.controller.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmSeries.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How much baseline the success-rate chart shows before a release: in proportion to the release, so that the release
 * fills most of the chart in the compressed rehearsal as in AWS, with a baseline of a few datapoints either way.
 */
class ChartWindowTest {

    static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration REHEARSAL_MINUTE = Duration.ofSeconds(6);
    static final Duration AWS_MINUTE = Duration.ofMinutes(1);

    @Test
    void aNinetySecondRehearsalReleaseGetsThirtySecondsOfBaselineAndFillsThreeQuartersOfTheChart() {
        ChartWindow window = ChartWindow.of(CREATED, CREATED.plusSeconds(90), REHEARSAL_MINUTE);

        assertThat(window.from()).isEqualTo(CREATED.minusSeconds(30));
        assertThat(window.to()).isEqualTo(CREATED.plusSeconds(90));
        assertThat(releaseShare(window)).isEqualTo(0.75);
        assertThat(baselinePeriods(window, REHEARSAL_MINUTE))
                .as("baseline datapoints")
                .isEqualTo(5);
    }

    @Test
    void aTenMinuteAwsReleaseGetsAThirdOfItsSpanAsBaseline() {
        ChartWindow window = ChartWindow.of(CREATED, CREATED.plus(Duration.ofMinutes(10)), AWS_MINUTE);

        assertThat(Duration.between(window.from(), CREATED))
                .isEqualTo(Duration.ofMinutes(3).plusSeconds(20));
        assertThat(releaseShare(window)).isEqualTo(0.75);
    }

    @Test
    void aLongAwsReleaseKeepsFiveMinutesOfBaselineAndNoMore() {
        ChartWindow window = ChartWindow.of(CREATED, CREATED.plus(Duration.ofMinutes(25)), AWS_MINUTE);

        assertThat(window.from())
                .isEqualTo(CREATED.minus(ChartWindow.MAX_LEAD_IN))
                .isEqualTo(CREATED.minusSeconds(300));
        assertThat(releaseShare(window)).isGreaterThan(0.8);
    }

    @Test
    void aReleaseJustCreatedShowsTwoPeriodsOfBaseline() {
        assertThat(ChartWindow.of(CREATED, CREATED, AWS_MINUTE))
                .isEqualTo(new ChartWindow(CREATED.minusSeconds(120), CREATED));
        assertThat(ChartWindow.of(CREATED, CREATED.plusSeconds(2), REHEARSAL_MINUTE)
                        .from())
                .isEqualTo(CREATED.minusSeconds(12));
    }

    @Test
    void aClockBehindTheReleaseStillGivesAWindowThatEndsAfterItStarts() {
        ChartWindow window = ChartWindow.of(CREATED, CREATED.minusSeconds(5), AWS_MINUTE);

        assertThat(window.to()).isEqualTo(CREATED);
        assertThat(window.from()).isBefore(window.to());
    }

    @Test
    void anAlarmOfFiveMinutePeriodsIsStillHeldToFiveMinutesOfBaseline() {
        assertThat(ChartWindow.leadIn(Duration.ZERO, Duration.ofMinutes(5))).isEqualTo(ChartWindow.MAX_LEAD_IN);
    }

    @Test
    void theChartNeverReachesFurtherBackThanTheSeriesWasRead() {
        for (Duration span :
                List.of(Duration.ZERO, Duration.ofSeconds(40), Duration.ofMinutes(12), Duration.ofHours(2))) {
            for (Duration period :
                    List.of(Duration.ofSeconds(1), REHEARSAL_MINUTE, AWS_MINUTE, Duration.ofMinutes(5))) {
                ChartWindow window = ChartWindow.of(CREATED, CREATED.plus(span), period);
                assertThat(window.from())
                        .as("span %s, period %s", span, period)
                        .isAfterOrEqualTo(ChartWindow.readFrom(CREATED))
                        .isBefore(window.to());
            }
        }
    }

    @Test
    void inTheRehearsalThePeriodIsTheDatapointsSpacingNotTheAlarmsSixtySeconds() {
        AlarmSeries rehearsal = series(60, every(REHEARSAL_MINUTE, 20));

        assertThat(ChartWindow.period(rehearsal)).isEqualTo(REHEARSAL_MINUTE);
    }

    @Test
    void aMissingDatapointDoesNotWidenThePeriod() {
        List<Point> points = new ArrayList<>(every(AWS_MINUTE, 6));
        points.remove(3);

        assertThat(ChartWindow.period(series(null, points))).isEqualTo(AWS_MINUTE);
    }

    @Test
    void withoutTwoDatapointsThePeriodIsTheAlarmsOrOneMinute() {
        assertThat(ChartWindow.period(series(10, every(AWS_MINUTE, 1)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ChartWindow.period(series(null, List.of())))
                .as("metric math: periods in the queries")
                .isEqualTo(ChartWindow.DEFAULT_PERIOD);
    }

    @Test
    void cropKeepsOnlyTheDatapointsInsideTheWindow() {
        AlarmSeries read = series(60, every(REHEARSAL_MINUTE, 70)); // from five minutes before the release
        ChartWindow window = ChartWindow.of(CREATED, CREATED.plusSeconds(90), read);

        AlarmSeries drawn = window.crop(read);

        assertThat(drawn.points())
                .extracting(Point::timestamp)
                .allSatisfy(t -> assertThat(t).isBetween(window.from(), window.to()))
                .first()
                .isEqualTo(CREATED.minusSeconds(30));
        assertThat(drawn.points())
                .as("six baseline datapoints from -30 s to 0, fifteen in the release")
                .hasSize(21);
        assertThat(drawn.threshold()).isEqualTo(read.threshold());
    }

    /** How much of the chart's width the release takes. */
    private static double releaseShare(ChartWindow window) {
        return (double) Duration.between(CREATED, window.to()).toMillis()
                / Duration.between(window.from(), window.to()).toMillis();
    }

    private static long baselinePeriods(ChartWindow window, Duration period) {
        return Duration.between(window.from(), CREATED).dividedBy(period);
    }

    /** {@code count} datapoints {@code period} apart, from five minutes before the release (as the chart reads). */
    private static List<Point> every(Duration period, int count) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new Point(ChartWindow.readFrom(CREATED).plus(period.multipliedBy(i)), 99.9));
        }
        return points;
    }

    private static AlarmSeries series(Integer periodSeconds, List<Point> points) {
        return new AlarmSeries(
                "demo-app-success-rate", "Success rate (%)", 99.5, "LessThanThreshold", periodSeconds, points);
    }
}

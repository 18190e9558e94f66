package dev.ecscanary.controller.web.chart;

import dev.ecscanary.controller.analysis.AlarmSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stretch of time a release's success-rate chart covers: a lead-in before the release was created (the baseline,
 * the success rate while no traffic had moved yet), then the release until it finished, or until now.
 *
 * <p>The lead-in is a third of the release's span so far, so that the release fills three quarters of the chart
 * whether it takes ten minutes or more in AWS or one or two in the time-compressed rehearsal. It is at least two
 * metric periods (two baseline datapoints, as many as the alarm weighs before it fires) and at most
 * {@link #MAX_LEAD_IN}. The period is the spacing of the datapoints read: in the rehearsal the alarm says 60 s, but
 * its datapoints come every compressed minute.
 *
 * @param from the chart's left edge, {@code lead-in} before the release was created
 * @param to   the chart's right edge: when the release finished, or now
 */
record ChartWindow(Instant from, Instant to) {

    /** The longest baseline, and so how far before the release the series is read. */
    static final Duration MAX_LEAD_IN = Duration.ofMinutes(5);
    /** The period assumed when the datapoints do not show one: CloudWatch's standard resolution. */
    static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);

    static final int SPAN_PER_LEAD_IN = 3;
    static final int BASELINE_PERIODS = 2;

    /** Where the series is read from, before its period (and so the actual lead-in) is known: the longest lead-in. */
    static Instant readFrom(Instant createdAt) {
        return createdAt.minus(MAX_LEAD_IN);
    }

    /** The chart of a release created at {@code createdAt}, until {@code until}, with datapoints {@code period} apart. */
    static ChartWindow of(Instant createdAt, Instant until, Duration period) {
        Duration span = until.isAfter(createdAt) ? Duration.between(createdAt, until) : Duration.ZERO;
        return new ChartWindow(createdAt.minus(leadIn(span, period)), until.isAfter(createdAt) ? until : createdAt);
    }

    /** The chart of a release created at {@code createdAt}, until {@code until}, of a series read from {@link #readFrom}. */
    static ChartWindow of(Instant createdAt, Instant until, AlarmSeries read) {
        return of(createdAt, until, period(read));
    }

    /** A third of the span, but at least two periods and at most {@link #MAX_LEAD_IN}. */
    static Duration leadIn(Duration span, Duration period) {
        Duration share = span.dividedBy(SPAN_PER_LEAD_IN);
        Duration baseline = period.multipliedBy(BASELINE_PERIODS);
        Duration wanted = share.compareTo(baseline) > 0 ? share : baseline;
        return wanted.compareTo(MAX_LEAD_IN) < 0 ? wanted : MAX_LEAD_IN;
    }

    /**
     * The series' period: the smallest gap between two of its datapoints; with fewer than two, the alarm's period, or
     * {@link #DEFAULT_PERIOD} when the alarm gives none (a metric-math alarm has its periods in its queries).
     */
    static Duration period(AlarmSeries series) {
        List<AlarmSeries.Point> points = series.points();
        Duration smallest = null;
        for (int i = 1; i < points.size(); i++) {
            Duration gap = Duration.between(
                    points.get(i - 1).timestamp(), points.get(i).timestamp());
            if (gap.isPositive() && (smallest == null || gap.compareTo(smallest) < 0)) {
                smallest = gap;
            }
        }
        if (smallest != null) {
            return smallest;
        }
        Integer seconds = series.periodSeconds();
        return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_PERIOD;
    }

    /** The series without the datapoints read before the chart's left edge. */
    AlarmSeries crop(AlarmSeries series) {
        return new AlarmSeries(
                series.alarmName(),
                series.label(),
                series.threshold(),
                series.comparisonOperator(),
                series.periodSeconds(),
                series.points().stream()
                        .filter(p ->
                                !p.timestamp().isBefore(from) && !p.timestamp().isAfter(to))
                        .toList());
    }
}

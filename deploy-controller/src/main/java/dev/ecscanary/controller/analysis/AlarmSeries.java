package dev.ecscanary.controller.analysis;

import java.time.Instant;
import java.util.List;

/**
 * The watched series of a metric alarm, oldest point first, with what it is compared against.
 *
 * @param label              the series' label, e.g. the expression's label or the metric name
 * @param threshold          the alarm's threshold; NaN for an anomaly-detection alarm (it compares with a band, ThresholdMetricId)
 * @param comparisonOperator CloudWatch's operator, e.g. {@code LessThanThreshold}
 * @param periodSeconds      the alarm's evaluation period; null when it is given per metric only
 */
public record AlarmSeries(
        String alarmName,
        String label,
        double threshold,
        String comparisonOperator,
        Integer periodSeconds,
        List<Point> points) {

    public AlarmSeries {
        points = List.copyOf(points);
    }

    /** One datapoint: the period starting at {@code timestamp} had {@code value}. */
    public record Point(Instant timestamp, double value) {}
}

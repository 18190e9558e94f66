package dev.ecscanary.controller.analysis;

import java.time.Instant;
import java.util.Optional;

/** Reads what an alarm watches, as a time series, for the live status page. */
public interface MetricReader {

    /**
     * The series of the metric or metric-math expression the alarm evaluates, between {@code from} and {@code to}.
     *
     * @return empty when no metric alarm of that name exists (a composite alarm has no series)
     */
    Optional<AlarmSeries> series(String alarmName, Instant from, Instant to);
}

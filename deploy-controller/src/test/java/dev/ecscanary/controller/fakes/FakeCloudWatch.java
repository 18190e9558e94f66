package dev.ecscanary.controller.fakes;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.analysis.MetricReader;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Alarms whose states and metric datapoints tests set; counts DescribeAlarms-equivalent reads. */
public class FakeCloudWatch implements AlarmReader, MetricReader {

    private final Map<String, AlarmReading> alarms = new ConcurrentHashMap<>();
    private final Map<String, List<AlarmSeries.Point>> datapoints = new ConcurrentHashMap<>();
    private final AtomicInteger metricReads = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean unavailable;

    public void set(String name, AlarmState state, Instant changedAt) {
        alarms.put(name, new AlarmReading(name, state, "Threshold Crossed: test says " + state, changedAt));
    }

    /** With the StateReason CloudWatch would give, e.g. which datapoints crossed the threshold. */
    public void set(String name, AlarmState state, String reason, Instant changedAt) {
        alarms.put(name, new AlarmReading(name, state, reason, changedAt));
    }

    /** The success-rate series of an alarm (threshold 99.5, LessThanThreshold, period 60 s, like the real one). */
    public void datapoints(String alarm, List<AlarmSeries.Point> points) {
        datapoints.put(alarm, List.copyOf(points));
    }

    public int metricReads() {
        return metricReads.get();
    }

    public void reset() {
        alarms.clear();
        datapoints.clear();
        metricReads.set(0);
        reads.set(0);
        unavailable = false;
    }

    public void remove(String name) {
        alarms.remove(name);
    }

    public void unavailable(boolean value) {
        unavailable = value;
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public Map<String, AlarmReading> read(Collection<String> alarmNames) {
        reads.incrementAndGet();
        if (unavailable) {
            throw new AwsUnavailableException("cloudwatch", "DescribeAlarms", "connect timed out", null);
        }
        Map<String, AlarmReading> out = new LinkedHashMap<>();
        for (String name : alarmNames) {
            out.put(name, alarms.getOrDefault(name, AlarmReading.missing(name)));
        }
        return out;
    }

    @Override
    public Optional<AlarmSeries> series(String alarmName, Instant from, Instant to) {
        metricReads.incrementAndGet();
        if (unavailable) {
            throw new AwsUnavailableException("cloudwatch", "GetMetricData", "connect timed out", null);
        }
        List<AlarmSeries.Point> points = datapoints.get(alarmName);
        if (points == null) {
            return Optional.empty();
        }
        return Optional.of(new AlarmSeries(
                alarmName,
                "Success rate (%)",
                99.5,
                "LessThanThreshold",
                60,
                points.stream()
                        .filter(p ->
                                !p.timestamp().isBefore(from) && !p.timestamp().isAfter(to))
                        .toList()));
    }
}

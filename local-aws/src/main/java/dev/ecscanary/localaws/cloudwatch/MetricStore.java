package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.clock.TimeScale;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * CloudWatch's metric storage at one-minute resolution (a scaled minute of real time per datapoint).
 * A datapoint exists only for a minute in which something was put, as with ALB metrics, which are
 * published only while requests flow and, for the HTTP code counts, only when non-zero.
 */
public final class MetricStore {

    public static final int STORAGE_PERIOD_SECONDS = 60;

    private final TimeScale timeScale;
    private final Map<MetricKey, NavigableMap<Instant, Datapoint>> series = new ConcurrentHashMap<>();

    public MetricStore(TimeScale timeScale) {
        this.timeScale = timeScale;
    }

    public TimeScale timeScale() {
        return timeScale;
    }

    public void put(MetricKey key, Instant at, double value) {
        Instant bucket = timeScale.bucketStart(at, STORAGE_PERIOD_SECONDS);
        series.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(bucket, b -> new Datapoint())
                .add(value);
    }

    /** Puts one value of a distribution (such as a response time), kept so that percentiles can be asked of it. */
    public void putSample(MetricKey key, Instant at, double value) {
        Instant bucket = timeScale.bucketStart(at, STORAGE_PERIOD_SECONDS);
        series.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(bucket, b -> new Datapoint())
                .addSample(value);
    }

    /**
     * One statistic of a metric aggregated into periods of {@code periodSeconds} (AWS seconds, a multiple of 60)
     * over [start, end); only periods that hold data appear.
     */
    public NavigableMap<Instant, Double> query(
            MetricKey key, String stat, int periodSeconds, Instant start, Instant end) {
        NavigableMap<Instant, Double> result = new java.util.TreeMap<>();
        NavigableMap<Instant, Datapoint> points = series.get(key);
        if (points == null) {
            return result;
        }
        Map<Instant, Datapoint> periods = new java.util.TreeMap<>();
        points.subMap(start, true, end, false)
                .forEach((bucket, point) -> periods.computeIfAbsent(
                                timeScale.bucketStart(bucket, periodSeconds), p -> new Datapoint())
                        .merge(point));
        periods.forEach((period, point) -> result.put(period, point.statistic(stat)));
        return result;
    }
}

package dev.ecscanary.controller.web.chart;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.MetricReader;
import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.web.Format;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The success-rate chart of a deployment: the series of the service's first alarm from a lead-in before the release
 * until it finished (or now), the lead-in in proportion to the release (see {@link ChartWindow}). It is read through
 * GetMetricData at most once per deployment every few seconds, however many people watch (CloudWatch charges per
 * metric read), always from the longest lead-in: the alarm's queries fix the period, and the datapoints read show it.
 */
@Component
public class MetricCharts {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final MetricReader metrics;
    private final Clock clock;
    private final Map<UUID, Reading> cache = new ConcurrentHashMap<>();

    MetricCharts(MetricReader metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A series read (or why it could not be), and when, in this JVM's monotonic time. */
    private record Reading(long readAtNanos, Optional<AlarmSeries> series, String problem) {}

    /** One datapoint as the page's table shows it. */
    public record PointRow(String time, String value, boolean breach) {}

    /**
     * The chart, or the sentence saying why there is none ({@code unavailable}); {@code drawing}, {@code summary},
     * {@code series} and {@code scale} are null then.
     */
    public record ChartView(
            String alarm,
            ChartDrawing drawing,
            String summary,
            List<PointRow> points,
            String unavailable,
            AlarmSeries series,
            SuccessRateChart scale) {}

    public ChartView chart(Deployment d, String alarm) {
        Instant to = d.finishedAt() != null ? d.finishedAt() : clock.instant();
        Reading reading = read(d.id(), alarm, ChartWindow.readFrom(d.createdAt()), to);
        if (reading.problem() != null) {
            return new ChartView(
                    alarm,
                    null,
                    null,
                    List.of(),
                    "CloudWatch could not be read, so there is no chart of " + alarm + " right now ("
                            + reading.problem() + "). The alarm states below are from the last check.",
                    null,
                    null);
        }
        if (reading.series().isEmpty()) {
            return new ChartView(
                    alarm,
                    null,
                    null,
                    List.of(),
                    "CloudWatch has no metric alarm named " + alarm + ", so there is no series to chart.",
                    null,
                    null);
        }
        AlarmSeries read = reading.series().get();
        ChartWindow window = ChartWindow.of(d.createdAt(), to, read);
        AlarmSeries series = window.crop(read);
        SuccessRateChart chart = new SuccessRateChart(series, window.from(), window.to());
        String summary = summary(series, chart);
        List<PointRow> rows = series.points().stream()
                .map(p -> new PointRow(Format.time(p.timestamp()), chart.value(p.value()), chart.breaches(p.value())))
                .toList();
        return new ChartView(
                alarm,
                chart.draw(markers(d), series.label() + " of alarm " + alarm, summary),
                summary,
                rows,
                null,
                series,
                chart);
    }

    private Reading read(UUID id, String alarm, Instant from, Instant to) {
        long now = System.nanoTime();
        Reading cached = cache.get(id);
        if (cached != null && now - cached.readAtNanos() < FRESH_FOR.toNanos()) {
            return cached;
        }
        Reading fresh;
        try {
            fresh = new Reading(now, metrics.series(alarm, from, to), null);
        } catch (AwsUnavailableException | AwsRequestRejectedException e) {
            fresh = new Reading(now, Optional.empty(), e.getMessage());
        }
        if (cache.size() > 1000) {
            cache.values().removeIf(r -> now - r.readAtNanos() > FRESH_FOR.toNanos());
        }
        cache.put(id, fresh);
        return fresh;
    }

    private static List<SuccessRateChart.Marker> markers(Deployment d) {
        List<SuccessRateChart.Marker> markers = new ArrayList<>();
        markers.add(new SuccessRateChart.Marker(d.createdAt(), "start", "start"));
        for (Phase p : d.phases()) {
            if (p.trafficPercent() > 0) {
                markers.add(new SuccessRateChart.Marker(p.startedAt(), p.trafficPercent() + "%", "phase"));
            }
        }
        if (d.stopRequestedAt() != null) {
            markers.add(new SuccessRateChart.Marker(d.stopRequestedAt(), "stopped", "stop"));
        }
        return markers;
    }

    private static String summary(AlarmSeries series, SuccessRateChart chart) {
        if (series.points().isEmpty()) {
            return "No datapoints yet in this window; threshold " + chart.value(series.threshold()) + ".";
        }
        AlarmSeries.Point lowest = series.points().stream()
                .min(Comparator.comparingDouble(AlarmSeries.Point::value))
                .get();
        AlarmSeries.Point last = series.points().getLast();
        long breaching =
                series.points().stream().filter(p -> chart.breaches(p.value())).count();
        return series.points().size() + " datapoints from "
                + Format.time(series.points().getFirst().timestamp()) + " to "
                + Format.time(last.timestamp()) + " UTC; latest " + chart.value(last.value()) + ", lowest "
                + chart.value(lowest.value()) + " at " + Format.time(lowest.timestamp()) + "; threshold "
                + chart.value(series.threshold())
                + (series.comparisonOperator() == null ? "" : " (" + series.comparisonOperator() + ")") + "; "
                + breaching + " breaching.";
    }
}

package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.AwsException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Evaluates a set of MetricDataQueries over a period grid, as GetMetricData and metric-math alarms do. */
public final class MetricQueries {

    /** The grid's slot start times and every query's value per slot (NaN where there is no datapoint). */
    public record Result(Instant[] slots, Map<String, double[]> values) {}

    private final MetricStore store;

    public MetricQueries(MetricStore store) {
        this.store = store;
    }

    dev.ecscanary.localaws.clock.TimeScale storeTimeScale() {
        return store.timeScale();
    }

    public static int gridPeriod(List<MetricQuery> queries) {
        return queries.stream()
                .filter(q -> q.period() != null)
                .mapToInt(MetricQuery::period)
                .findFirst()
                .orElse(60);
    }

    public Result evaluate(List<MetricQuery> queries, Instant start, Instant end) {
        validate(queries);
        int period = gridPeriod(queries);
        long step = store.timeScale().periodMillis(period);
        Instant first = store.timeScale().bucketStart(start, period);
        int length = (int) Math.max(0, Math.ceilDiv(end.toEpochMilli() - first.toEpochMilli(), step));
        Instant[] slots = new Instant[length];
        for (int i = 0; i < length; i++) {
            slots[i] = first.plusMillis(i * step);
        }
        Map<String, double[]> values = new HashMap<>();
        for (MetricQuery query : queries) {
            if (!query.isExpression()) {
                values.put(query.id(), metricSeries(query, period, slots, first, end, step));
            }
        }
        for (MetricQuery query : queries) {
            if (query.isExpression()) {
                values.put(query.id(), MetricMath.evaluate(query.expression(), values, length));
            }
        }
        return new Result(slots, values);
    }

    private double[] metricSeries(
            MetricQuery query, int period, Instant[] slots, Instant first, Instant end, long step) {
        TreeMap<Instant, Double> points = new TreeMap<>(store.query(query.metric(), query.stat(), period, first, end));
        double[] out = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            Double value = points.get(slots[i]);
            out[i] = value == null ? Double.NaN : value;
        }
        return out;
    }

    private static void validate(List<MetricQuery> queries) {
        if (queries.isEmpty()) {
            throw AwsException.client("ValidationError", "The parameter MetricDataQueries is required.");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MetricQuery query : queries) {
            if (query.id() == null || !query.id().matches("[a-z][A-Za-z0-9_]{0,254}")) {
                throw AwsException.client(
                        "ValidationError",
                        "The value " + query.id()
                                + " for parameter MetricDataQueries.member.Id is invalid: it must start with a lowercase letter.");
            }
            if (!ids.add(query.id())) {
                throw AwsException.client(
                        "ValidationError", "The values for parameter id in MetricDataQueries are not unique.");
            }
            if ((query.metric() == null) == (query.expression() == null)) {
                throw AwsException.client(
                        "ValidationError",
                        "Exactly one of MetricStat and Expression must be specified in a MetricDataQuery (" + query.id()
                                + ").");
            }
        }
    }
}

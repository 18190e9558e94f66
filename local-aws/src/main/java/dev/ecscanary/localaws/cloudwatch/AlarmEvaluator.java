package dev.ecscanary.localaws.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a metric alarm over its last {@code EvaluationPeriods} complete periods: ALARM when at least
 * {@code DatapointsToAlarm} of them breach; missing datapoints treated as TreatMissingData says.
 */
public final class AlarmEvaluator {

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final MetricQueries queries;

    public AlarmEvaluator(MetricQueries queries) {
        this.queries = queries;
    }

    /** One evaluation at {@code now}: the periods that ended at or before now's period start. */
    public void evaluate(MetricAlarm alarm, Instant now) {
        int period = MetricQueries.gridPeriod(alarm.metrics());
        long step = queries.storeTimeScale().periodMillis(period);
        Instant end = queries.storeTimeScale().bucketStart(now, period);
        Instant start = end.minusMillis(step * alarm.evaluationPeriods());
        MetricQueries.Result result = queries.evaluate(alarm.metrics(), start, end);
        String watched = alarm.metrics().stream()
                .filter(MetricQuery::returnData)
                .findFirst()
                .orElseThrow()
                .id();
        double[] values = result.values().get(watched);
        List<Integer> present = new ArrayList<>();
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                present.add(i);
            }
        }
        int missing = alarm.evaluationPeriods() - present.size();
        long breaching = present.stream().filter(i -> alarm.breaches(values[i])).count();
        boolean missingBreaches = "breaching".equals(alarm.treatMissingData());
        long bad = breaching + (missingBreaches ? missing : 0);
        String data = reasonData(alarm, result, values, present, start, now, period);
        if (bad >= alarm.datapointsToAlarm()) {
            alarm.transition(
                    "ALARM",
                    thresholdReason(
                            alarm, result, values, present, bad, true, "OK -> ALARM", alarm.datapointsToAlarm()),
                    data,
                    now);
        } else if (!present.isEmpty()) {
            alarm.transition(
                    "OK",
                    thresholdReason(
                            alarm, result, values, present, present.size() - breaching, false, "ALARM -> OK", 1),
                    data,
                    now);
        } else {
            allMissing(alarm, missing, data, now);
        }
    }

    private static void allMissing(MetricAlarm alarm, int missing, String data, Instant now) {
        switch (alarm.treatMissingData()) {
            case "notBreaching" ->
                alarm.transition(
                        "OK",
                        "Threshold Crossed: no datapoints were received for " + missing + " periods and " + missing
                                + " missing datapoints were treated as [NonBreaching].",
                        data,
                        now);
            case "ignore" -> {}
            default ->
                alarm.transition(
                        "INSUFFICIENT_DATA", "Insufficient Data: " + missing + " datapoints were unknown.", data, now);
        }
    }

    private static String thresholdReason(
            MetricAlarm alarm,
            MetricQueries.Result result,
            double[] values,
            List<Integer> present,
            long count,
            boolean breaching,
            String transition,
            int minimum) {
        StringBuilder points = new StringBuilder();
        for (int i : present) {
            points.append(points.isEmpty() ? "" : ", ")
                    .append(format(values[i]))
                    .append(" (")
                    .append(REASON_TIME.format(result.slots()[i]))
                    .append(")");
        }
        return "Threshold Crossed: " + count + " out of the last " + alarm.evaluationPeriods() + " datapoints ["
                + points + "] were "
                + alarm.comparisonWords(breaching) + " the threshold (" + format(alarm.threshold()) + ") (minimum "
                + minimum
                + " datapoint" + (minimum == 1 ? "" : "s") + " for " + transition + " transition).";
    }

    private static String reasonData(
            MetricAlarm alarm,
            MetricQueries.Result result,
            double[] values,
            List<Integer> present,
            Instant start,
            Instant now,
            int period) {
        StringBuilder recent = new StringBuilder();
        StringBuilder evaluated = new StringBuilder();
        for (int i : present) {
            recent.append(recent.isEmpty() ? "" : ",").append(format(values[i]));
            evaluated
                    .append(evaluated.isEmpty() ? "" : ",")
                    .append("{\"timestamp\":\"")
                    .append(DATA_TIME.format(result.slots()[i]))
                    .append("\",\"value\":")
                    .append(format(values[i]))
                    .append('}');
        }
        return "{\"version\":\"1.0\",\"queryDate\":\"" + DATA_TIME.format(now) + "\",\"startDate\":\""
                + DATA_TIME.format(start)
                + "\",\"period\":" + period + ",\"recentDatapoints\":[" + recent + "],\"threshold\":"
                + format(alarm.threshold())
                + ",\"evaluatedDatapoints\":[" + evaluated + "]}";
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
    }
}

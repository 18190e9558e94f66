package dev.ecscanary.localaws.cloudwatch;

import java.time.Instant;
import java.util.List;

/** A metric-math alarm and its current state, as DescribeAlarms reports it. */
public final class MetricAlarm {

    /** The state fields, replaced together on every state change. */
    public record State(String value, String reason, String reasonData, Instant updated, Instant transitioned) {}

    private final String name;
    private final String arn;
    private final String description;
    private final List<MetricQuery> metrics;
    private final String comparisonOperator;
    private final double threshold;
    private final int evaluationPeriods;
    private final int datapointsToAlarm;
    private final String treatMissingData;
    private final Instant configuredAt = Instant.now();
    private volatile State state;

    public MetricAlarm(
            String name,
            String arn,
            String description,
            List<MetricQuery> metrics,
            String comparisonOperator,
            double threshold,
            int evaluationPeriods,
            int datapointsToAlarm,
            String treatMissingData) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.metrics = List.copyOf(metrics);
        this.comparisonOperator = comparisonOperator;
        this.threshold = threshold;
        this.evaluationPeriods = evaluationPeriods;
        this.datapointsToAlarm = datapointsToAlarm;
        this.treatMissingData = treatMissingData;
        this.state =
                new State("INSUFFICIENT_DATA", "Unchecked: Initial alarm creation", null, configuredAt, configuredAt);
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String description() {
        return description;
    }

    public List<MetricQuery> metrics() {
        return metrics;
    }

    public String comparisonOperator() {
        return comparisonOperator;
    }

    public double threshold() {
        return threshold;
    }

    public int evaluationPeriods() {
        return evaluationPeriods;
    }

    public int datapointsToAlarm() {
        return datapointsToAlarm;
    }

    public String treatMissingData() {
        return treatMissingData;
    }

    public Instant configuredAt() {
        return configuredAt;
    }

    public State state() {
        return state;
    }

    /** Changes the state; a re-evaluation to the same value keeps the recorded reason and timestamps. */
    synchronized void transition(String value, String reason, String reasonData, Instant at) {
        if (!value.equals(state.value())) {
            state = new State(value, reason, reasonData, at, at);
        }
    }

    boolean breaches(double value) {
        return switch (comparisonOperator) {
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            default -> throw new IllegalStateException("unsupported comparison " + comparisonOperator);
        };
    }

    String comparisonWords(boolean breaching) {
        String words = switch (comparisonOperator) {
            case "LessThanThreshold" -> "less than";
            case "LessThanOrEqualToThreshold" -> "less than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            default -> "greater than or equal to";
        };
        return breaching ? words : "not " + words;
    }
}

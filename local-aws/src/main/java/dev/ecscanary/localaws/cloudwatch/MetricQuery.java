package dev.ecscanary.localaws.cloudwatch;

/**
 * One MetricDataQuery: either a metric statistic or a math expression over other queries' ids.
 *
 * @param id         starts with a lowercase letter; expressions refer to it
 * @param metric     the metric, when this query is a MetricStat (else null)
 * @param stat       the statistic of the MetricStat (Sum, Average, ...)
 * @param period     the period in AWS seconds (MetricStat.Period, or the query's Period for expressions)
 * @param expression the math expression, when this query is one (else null)
 * @param label      a human-readable label, may be null
 * @param returnData whether the result is returned (for an alarm: the watched value)
 */
public record MetricQuery(
        String id, MetricKey metric, String stat, Integer period, String expression, String label, boolean returnData) {

    public boolean isExpression() {
        return expression != null;
    }

    public String labelOrDefault() {
        if (label != null) {
            return label;
        }
        return metric != null ? metric.name() : id;
    }
}

package dev.ecscanary.controller.analysis.cloudwatch;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/** The GetMetricData queries that reproduce what a metric alarm evaluates. */
final class AlarmQueries {

    /** Id of the one query made for a single-metric alarm (ids must start with a lowercase letter). */
    static final String SINGLE_METRIC_ID = "m1";

    private AlarmQueries() {}

    static List<MetricDataQuery> of(MetricAlarm alarm) {
        if (!alarm.metrics().isEmpty()) {
            return alarm.metrics();
        }
        return List.of(MetricDataQuery.builder()
                .id(SINGLE_METRIC_ID)
                .metricStat(MetricStat.builder()
                        .metric(m -> m.namespace(alarm.namespace())
                                .metricName(alarm.metricName())
                                .dimensions(alarm.dimensions()))
                        .period(alarm.period())
                        .stat(alarm.statistic() != null ? alarm.statisticAsString() : alarm.extendedStatistic())
                        .unit(alarm.unit())
                        .build())
                .label(alarm.metricName())
                .returnData(true)
                .build());
    }

    /** The query whose result the alarm compares with its threshold: the one not marked ReturnData=false. */
    static MetricDataQuery watched(List<MetricDataQuery> queries) {
        return queries.stream()
                .filter(query -> !Boolean.FALSE.equals(query.returnData()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the alarm has no query with ReturnData=true"));
    }
}

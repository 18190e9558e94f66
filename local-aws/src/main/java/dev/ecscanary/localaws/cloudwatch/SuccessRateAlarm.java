package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.RehearsalNames;
import dev.ecscanary.localaws.elb.AlbMetrics;
import java.util.List;
import java.util.Map;

/**
 * The release alarm as terraform/alarms.tf defines it: {@code 100 * (1 - FILL(errors, 0) / requests)} over the
 * load balancer's RequestCount and HTTPCode_Target_5XX_Count sums, below the threshold for 2 of 2 minutes.
 */
public final class SuccessRateAlarm {

    private SuccessRateAlarm() {}

    public static MetricAlarm create(RehearsalNames names, String loadBalancerDimension) {
        Map<String, String> dimensions = Map.of("LoadBalancer", loadBalancerDimension);
        int period = names.alarmPeriodSeconds();
        List<MetricQuery> metrics = List.of(
                new MetricQuery(
                        "success_rate",
                        null,
                        null,
                        null,
                        "100 * (1 - FILL(errors, 0) / requests)",
                        "Success rate (%)",
                        true),
                new MetricQuery(
                        "requests",
                        new MetricKey(AlbMetrics.NAMESPACE, "RequestCount", dimensions),
                        "Sum",
                        period,
                        null,
                        null,
                        false),
                new MetricQuery(
                        "errors",
                        new MetricKey(AlbMetrics.NAMESPACE, "HTTPCode_Target_5XX_Count", dimensions),
                        "Sum",
                        period,
                        null,
                        null,
                        false));
        return new MetricAlarm(
                names.alarm(),
                names.arn("cloudwatch", "alarm:" + names.alarm()),
                "Share of " + names.service() + " requests answered without a target 5xx fell below "
                        + names.alarmThreshold() + "% for " + names.alarmDatapointsToAlarm() + " of "
                        + names.alarmEvaluationPeriods() + " minutes",
                metrics,
                "LessThanThreshold",
                names.alarmThreshold(),
                names.alarmEvaluationPeriods(),
                names.alarmDatapointsToAlarm(),
                names.alarmTreatMissingData());
    }
}

package dev.ecscanary.controller.analysis.cloudwatch;

import static dev.ecscanary.controller.aws.AwsService.CLOUDWATCH;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.MetricReader;
import dev.ecscanary.controller.aws.AwsCallGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * {@link MetricReader} on CloudWatch: DescribeAlarms for the alarm's queries (its metric-math {@code Metrics}, or
 * its single metric turned into one query), then GetMetricData with exactly those queries.
 */
@Component
public class CloudWatchMetricReader implements MetricReader {

    private final CloudWatchClient cloudWatch;
    private final AwsCallGuard aws;

    public CloudWatchMetricReader(CloudWatchClient cloudWatch, AwsCallGuard aws) {
        this.cloudWatch = cloudWatch;
        this.aws = aws;
    }

    @Override
    public Optional<AlarmSeries> series(String alarmName, Instant from, Instant to) {
        return metricAlarm(alarmName).map(alarm -> series(alarm, from, to));
    }

    private Optional<MetricAlarm> metricAlarm(String alarmName) {
        return aws
                .call(
                        CLOUDWATCH,
                        "DescribeAlarms",
                        () -> cloudWatch.describeAlarms(
                                r -> r.alarmNames(alarmName).alarmTypes(AlarmType.METRIC_ALARM)))
                .metricAlarms()
                .stream()
                .filter(alarm -> alarmName.equals(alarm.alarmName()))
                .findFirst();
    }

    private AlarmSeries series(MetricAlarm alarm, Instant from, Instant to) {
        List<MetricDataQuery> queries = AlarmQueries.of(alarm);
        MetricDataQuery watched = AlarmQueries.watched(queries);
        List<AlarmSeries.Point> points = new ArrayList<>();
        String label = watched.label();
        String token = null;
        do {
            String page = token;
            GetMetricDataResponse response = aws.call(
                    CLOUDWATCH,
                    "GetMetricData",
                    () -> cloudWatch.getMetricData(r -> r.metricDataQueries(queries)
                            .startTime(from)
                            .endTime(to)
                            .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                            .nextToken(page)));
            for (MetricDataResult result : response.metricDataResults()) {
                if (watched.id().equals(result.id())) {
                    label = label != null ? label : result.label();
                    addPoints(result, points);
                }
            }
            token = response.nextToken();
        } while (token != null);
        points.sort(Comparator.comparing(AlarmSeries.Point::timestamp));
        return new AlarmSeries(
                alarm.alarmName(),
                label != null ? label : watched.id(),
                alarm.threshold() == null ? Double.NaN : alarm.threshold(),
                alarm.comparisonOperatorAsString(),
                alarm.period(),
                points);
    }

    private static void addPoints(MetricDataResult result, List<AlarmSeries.Point> points) {
        int count = Math.min(result.timestamps().size(), result.values().size());
        for (int i = 0; i < count; i++) {
            points.add(new AlarmSeries.Point(
                    result.timestamps().get(i), result.values().get(i)));
        }
    }
}

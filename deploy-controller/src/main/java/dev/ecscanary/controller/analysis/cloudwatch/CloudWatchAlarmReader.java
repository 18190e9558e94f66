package dev.ecscanary.controller.analysis.cloudwatch;

import static dev.ecscanary.controller.aws.AwsService.CLOUDWATCH;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.aws.AwsCallGuard;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * {@link AlarmReader} on CloudWatch DescribeAlarms: names in chunks of {@value #MAX_NAMES_PER_CALL} (the API's
 * limit for AlarmNames), metric and composite alarms in the same call, NextToken pages followed.
 */
@Component
public class CloudWatchAlarmReader implements AlarmReader {

    static final int MAX_NAMES_PER_CALL = 100;
    private static final int MAX_RECORDS = 100;

    private final CloudWatchClient cloudWatch;
    private final AwsCallGuard aws;

    public CloudWatchAlarmReader(CloudWatchClient cloudWatch, AwsCallGuard aws) {
        this.cloudWatch = cloudWatch;
        this.aws = aws;
    }

    @Override
    public Map<String, AlarmReading> read(Collection<String> alarmNames) {
        List<String> names = alarmNames.stream().distinct().toList();
        Map<String, AlarmReading> found = new LinkedHashMap<>();
        for (int from = 0; from < names.size(); from += MAX_NAMES_PER_CALL) {
            describe(names.subList(from, Math.min(from + MAX_NAMES_PER_CALL, names.size())), found);
        }
        Map<String, AlarmReading> readings = new LinkedHashMap<>();
        names.forEach(name -> readings.put(name, found.getOrDefault(name, AlarmReading.missing(name))));
        return readings;
    }

    private void describe(List<String> names, Map<String, AlarmReading> found) {
        String token = null;
        do {
            String page = token;
            DescribeAlarmsResponse response = aws.call(
                    CLOUDWATCH,
                    "DescribeAlarms",
                    () -> cloudWatch.describeAlarms(r -> r.alarmNames(names)
                            .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                            .maxRecords(MAX_RECORDS)
                            .nextToken(page)));
            response.metricAlarms()
                    .forEach(a -> found.put(
                            a.alarmName(),
                            reading(a.alarmName(), a.stateValue(), a.stateReason(), a.stateUpdatedTimestamp())));
            response.compositeAlarms()
                    .forEach(a -> found.put(
                            a.alarmName(),
                            reading(a.alarmName(), a.stateValue(), a.stateReason(), a.stateUpdatedTimestamp())));
            token = response.nextToken();
        } while (token != null);
    }

    private static AlarmReading reading(String name, StateValue state, String reason, Instant updatedAt) {
        return new AlarmReading(name, state(state), reason, updatedAt);
    }

    /** A state this SDK version does not know cannot be read as OK: it is reported as insufficient data. */
    private static AlarmState state(StateValue state) {
        if (state == null) {
            return AlarmState.INSUFFICIENT_DATA;
        }
        return switch (state) {
            case OK -> AlarmState.OK;
            case ALARM -> AlarmState.ALARM;
            case INSUFFICIENT_DATA, UNKNOWN_TO_SDK_VERSION -> AlarmState.INSUFFICIENT_DATA;
        };
    }
}

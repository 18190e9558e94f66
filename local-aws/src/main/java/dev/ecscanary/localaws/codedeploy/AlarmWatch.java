package dev.ecscanary.localaws.codedeploy;

import java.util.List;
import java.util.Optional;

/** How CodeDeploy polls the CloudWatch alarms of a deployment group: the first of them in state ALARM. */
@FunctionalInterface
public interface AlarmWatch {

    Optional<String> firstInAlarm(List<String> alarmNames);
}

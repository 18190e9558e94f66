package dev.ecscanary.controller.analysis;

import java.util.Collection;
import java.util.Map;

/** Reads CloudWatch alarm states, metric and composite alarms alike, in as few calls as the API allows. */
public interface AlarmReader {

    /** One reading per requested name; a name CloudWatch does not know reads as {@link AlarmState#MISSING}. */
    Map<String, AlarmReading> read(Collection<String> alarmNames);
}

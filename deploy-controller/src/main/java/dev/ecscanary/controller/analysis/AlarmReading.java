package dev.ecscanary.controller.analysis;

import java.time.Instant;

/**
 * @param stateUpdatedAt CloudWatch's StateUpdatedTimestamp; null for a missing alarm
 * @param reason         CloudWatch's StateReason
 */
public record AlarmReading(String name, AlarmState state, String reason, Instant stateUpdatedAt) {

    public static AlarmReading missing(String name) {
        return new AlarmReading(name, AlarmState.MISSING, "no such alarm", null);
    }
}

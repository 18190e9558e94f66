package dev.ecscanary.controller.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tick's readings of the watched alarms, or the fact that CloudWatch could not be read at all: then every alarm is
 * unknown and no verdict can rest on it.
 */
public final class AlarmReadings {

    private final Map<String, AlarmReading> byName;
    private final String unreadableBecause;

    private AlarmReadings(Map<String, AlarmReading> byName, String unreadableBecause) {
        this.byName = byName;
        this.unreadableBecause = unreadableBecause;
    }

    /** What CloudWatch answered; a name it did not answer for reads as {@link AlarmState#MISSING}. */
    public static AlarmReadings of(Map<String, AlarmReading> byName) {
        return new AlarmReadings(Map.copyOf(byName), null);
    }

    /** CloudWatch did not answer; {@code why} says what went wrong. */
    public static AlarmReadings unreadable(String why) {
        return new AlarmReadings(Map.of(), why);
    }

    public boolean readable() {
        return unreadableBecause == null;
    }

    /** Why CloudWatch could not be read; empty when it was. */
    public Optional<String> unreadableBecause() {
        return Optional.ofNullable(unreadableBecause);
    }

    /**
     * The readings of the named alarms, in the order given, a missing one as {@link AlarmState#MISSING}; empty when
     * CloudWatch could not be read.
     */
    public Map<String, AlarmReading> watched(List<String> names) {
        if (!readable()) {
            return Map.of();
        }
        Map<String, AlarmReading> picked = new LinkedHashMap<>();
        for (String name : names) {
            picked.put(name, byName.getOrDefault(name, AlarmReading.missing(name)));
        }
        return picked;
    }
}

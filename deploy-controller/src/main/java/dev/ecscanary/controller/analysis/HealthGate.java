package dev.ecscanary.controller.analysis;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns the readings of a release's watched alarms into a {@link Verdict}. */
public final class HealthGate {

    private HealthGate() {}

    /**
     * @param watched  the alarm names the release is watched by
     * @param readings this tick's readings, which may say that CloudWatch could not be read
     */
    public static Verdict judge(List<String> watched, AlarmReadings readings) {
        if (!readings.readable()) {
            return new Verdict(Verdict.Kind.INCONCLUSIVE, List.of(), null, "CloudWatch could not be read");
        }
        Collection<AlarmReading> current = readings.watched(watched).values();
        List<AlarmReading> firing = firing(current);
        if (!firing.isEmpty()) {
            Instant first = firing.stream()
                    .map(AlarmReading::stateUpdatedAt)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            return new Verdict(
                    Verdict.Kind.FAIL,
                    firing,
                    first,
                    firing.stream()
                            .map(r -> "alarm " + r.name() + " is in ALARM (" + r.reason() + ")")
                            .collect(Collectors.joining("; ")));
        }
        List<AlarmReading> unsure =
                current.stream().filter(r -> r.state() != AlarmState.OK).toList();
        if (!unsure.isEmpty()) {
            return new Verdict(
                    Verdict.Kind.INCONCLUSIVE,
                    List.of(),
                    null,
                    unsure.stream()
                            .map(r -> "alarm " + r.name() + " is " + r.state())
                            .collect(Collectors.joining("; ")));
        }
        return new Verdict(Verdict.Kind.PASS, List.of(), null, "all watched alarms OK");
    }

    /**
     * True when the verdict would be a fail: one rule for "firing", also used to take such releases first in a tick.
     */
    public static boolean isFiring(List<String> watched, AlarmReadings readings) {
        return !firing(readings.watched(watched).values()).isEmpty();
    }

    private static List<AlarmReading> firing(Collection<AlarmReading> readings) {
        return readings.stream().filter(r -> r.state() == AlarmState.ALARM).toList();
    }
}

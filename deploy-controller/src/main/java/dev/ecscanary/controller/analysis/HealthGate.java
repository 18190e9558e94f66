package dev.ecscanary.controller.analysis;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns the readings of a release's watched alarms into a {@link Verdict}. */
public final class HealthGate {

    private HealthGate() {}

    /**
     * @param watched  the alarm names the release is watched by
     * @param readings the latest readings, or null when CloudWatch could not be read this time
     */
    public static Verdict judge(List<String> watched, Map<String, AlarmReading> readings) {
        if (readings == null) {
            return new Verdict(Verdict.Kind.INCONCLUSIVE, List.of(), null, "CloudWatch could not be read");
        }
        List<AlarmReading> current = watched.stream()
                .map(name -> readings.getOrDefault(name, AlarmReading.missing(name)))
                .toList();
        List<AlarmReading> firing =
                current.stream().filter(r -> r.state() == AlarmState.ALARM).toList();
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
}

package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One traffic step of a release: from the moment the replacement was seen at {@code trafficPercent} until traffic
 * moved on, with the worst state each watched alarm showed during it.
 */
public final class Phase {

    private final int index;
    private final int trafficPercent;
    private final Instant startedAt;
    private Instant endedAt;
    private PhaseOutcome outcome;
    private final Map<String, AlarmState> alarmStates;
    private boolean unsaved;

    public Phase(
            int index,
            int trafficPercent,
            Instant startedAt,
            Instant endedAt,
            PhaseOutcome outcome,
            Map<String, AlarmState> alarmStates) {
        this.index = index;
        this.trafficPercent = trafficPercent;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.outcome = outcome;
        this.alarmStates = new TreeMap<>(alarmStates);
    }

    /** True when the phase changed since it was read or last saved: the store writes only such phases. */
    boolean unsaved() {
        return unsaved;
    }

    void saved() {
        unsaved = false;
    }

    Phase copy() {
        return new Phase(index, trafficPercent, startedAt, endedAt, outcome, alarmStates);
    }

    static Phase begin(int index, int trafficPercent, Instant at) {
        Phase p = new Phase(index, trafficPercent, at, null, null, Map.of());
        p.unsaved = true;
        return p;
    }

    void observe(String alarm, AlarmState state) {
        AlarmState before = alarmStates.get(alarm);
        unsaved |= alarmStates.merge(alarm, state, Phase::worse) != before;
    }

    void end(Instant at, PhaseOutcome how) {
        if (endedAt == null) {
            endedAt = at;
            outcome = how;
            unsaved = true;
        }
    }

    private static AlarmState worse(AlarmState a, AlarmState b) {
        return severity(b) > severity(a) ? b : a;
    }

    private static int severity(AlarmState s) {
        return switch (s) {
            case OK -> 0;
            case INSUFFICIENT_DATA -> 1;
            case MISSING -> 2;
            case ALARM -> 3;
        };
    }

    public int index() {
        return index;
    }

    public int trafficPercent() {
        return trafficPercent;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public PhaseOutcome outcome() {
        return outcome;
    }

    public Map<String, AlarmState> alarmStates() {
        return Map.copyOf(alarmStates);
    }

    public boolean isOpen() {
        return endedAt == null;
    }
}

package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployment saw on AWS: the watched alarms' latest readings, the traffic steps with the alarm states seen in
 * each, and CodeDeploy's lifecycle events of the release and of its rollback. It remembers what the store holds, so
 * that a save writes only what changed.
 */
final class Observations {

    private final Map<String, AlarmReading> alarms = new LinkedHashMap<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<LifecycleEvent> lifecycle = new ArrayList<>();
    private final List<LifecycleEvent> rollbackLifecycle = new ArrayList<>();
    private Map<String, AlarmReading> storedAlarms = Map.of();
    private int storedPhases;
    private List<LifecycleEvent> storedLifecycle = List.of();
    private List<LifecycleEvent> storedRollbackLifecycle = List.of();

    void restore(
            List<AlarmReading> alarms,
            List<Phase> phases,
            List<LifecycleEvent> lifecycle,
            List<LifecycleEvent> rollbackLifecycle) {
        alarms.forEach(a -> this.alarms.put(a.name(), a));
        this.phases.addAll(phases);
        this.lifecycle.addAll(lifecycle);
        this.rollbackLifecycle.addAll(rollbackLifecycle);
    }

    /** Takes over what {@code other} saw, as copies that later changes to {@code other} do not reach. */
    void copyFrom(Observations other) {
        restore(
                List.copyOf(other.alarms.values()),
                other.phases.stream().map(Phase::copy).toList(),
                other.lifecycle,
                other.rollbackLifecycle);
    }

    /** True when the readings differ from those already seen of the same alarms. */
    boolean alarmsObserved(Map<String, AlarmReading> readings) {
        boolean changed = readings.values().stream().anyMatch(r -> !Objects.equals(r, alarms.get(r.name())));
        alarms.putAll(readings);
        currentPhase()
                .filter(Phase::isOpen)
                .ifPresent(p -> readings.values().forEach(r -> p.observe(r.name(), r.state())));
        return changed;
    }

    void enterPhase(int percent, Instant at) {
        endCurrentPhase(at, PhaseOutcome.ADVANCED);
        phases.add(Phase.begin(phases.size(), percent, at));
    }

    void endCurrentPhase(Instant at, PhaseOutcome outcome) {
        currentPhase().ifPresent(p -> p.end(at, outcome));
    }

    /** An empty read (no target yet, or it could not be read) keeps what was seen; true when something changed. */
    boolean lifecycleSeen(List<LifecycleEvent> seen, boolean ofRollback) {
        List<LifecycleEvent> kept = ofRollback ? rollbackLifecycle : lifecycle;
        if (seen.isEmpty() || seen.equals(kept)) {
            return false;
        }
        kept.clear();
        kept.addAll(seen);
        return true;
    }

    void markStored() {
        storedAlarms = Map.copyOf(alarms);
        phases.forEach(Phase::saved);
        storedPhases = phases.size();
        storedLifecycle = List.copyOf(lifecycle);
        storedRollbackLifecycle = List.copyOf(rollbackLifecycle);
    }

    List<AlarmReading> unsavedAlarms() {
        return alarms.values().stream()
                .filter(a -> !a.equals(storedAlarms.get(a.name())))
                .toList();
    }

    List<Phase> unsavedPhases() {
        List<Phase> changed = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (i >= storedPhases || phases.get(i).unsaved()) {
                changed.add(phases.get(i));
            }
        }
        return changed;
    }

    boolean lifecycleUnsaved(boolean ofRollback) {
        return ofRollback ? !rollbackLifecycle.equals(storedRollbackLifecycle) : !lifecycle.equals(storedLifecycle);
    }

    Map<String, AlarmReading> alarms() {
        return Collections.unmodifiableMap(alarms);
    }

    List<Phase> phases() {
        return Collections.unmodifiableList(phases);
    }

    List<LifecycleEvent> lifecycle(boolean ofRollback) {
        return Collections.unmodifiableList(ofRollback ? rollbackLifecycle : lifecycle);
    }

    Optional<Phase> currentPhase() {
        return phases.isEmpty() ? Optional.empty() : Optional.of(phases.getLast());
    }
}

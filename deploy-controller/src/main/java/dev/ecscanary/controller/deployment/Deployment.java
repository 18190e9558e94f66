package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One release of one image of one service, and everything learnt about it. The reconciler changes it through the
 * methods below and the store writes it back in one place; new events wait in {@link #unsavedEvents()} until then.
 */
public final class Deployment {

    private final UUID id;
    private final ReleaseRequest request;
    private final Instant createdAt;
    private long version;
    private DeploymentStatus status;
    private int trafficPercent;
    private String taskDefinitionArn;
    private String codeDeployDeploymentId;
    private String rollbackDeploymentId;
    private String reason;
    private String originalTargetGroup;
    private String replacementTargetGroup;
    private StopState stopState = StopState.NONE;
    private Instant createRequestedAt;
    private Instant stopRequestedAt;
    private Instant stopAnsweredAt;
    private Instant alarmChangedAt;
    private Instant trafficRestoredAt;
    private Instant inconclusiveSince;
    private String awsProblem;
    private boolean dirty;
    private Instant updatedAt;
    private Instant finishedAt;
    private final Map<String, AlarmReading> alarms = new LinkedHashMap<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<LifecycleEvent> lifecycleEvents = new ArrayList<>();
    private final List<LifecycleEvent> rollbackLifecycleEvents = new ArrayList<>();
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final List<DeploymentEvent> unsavedEvents = new ArrayList<>();
    // what the store holds now, so that a save writes only the rows that changed
    private Map<String, AlarmReading> storedAlarms = Map.of();
    private int storedPhases;
    private List<LifecycleEvent> storedLifecycle = List.of();
    private List<LifecycleEvent> storedRollbackLifecycle = List.of();
    // false when read without its event history (the reconciler's reads): events() then holds only the new ones
    private boolean withHistory = true;

    private Deployment(UUID id, ReleaseRequest request, Instant createdAt, long version) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        this.version = version;
    }

    public static Deployment accept(ReleaseRequest request, Instant now) {
        Deployment d = new Deployment(UUID.randomUUID(), request, now, 0);
        d.status = DeploymentStatus.PENDING;
        d.updatedAt = now;
        d.record(
                now,
                EventType.ACCEPTED,
                "Release of " + request.image().value() + " requested by " + request.requestedBy());
        return d;
    }

    /** Rebuilds a stored deployment; used by the store only. */
    static Deployment restore(
            UUID id,
            ReleaseRequest request,
            Instant createdAt,
            long version,
            Stored stored,
            List<AlarmReading> alarms,
            List<Phase> phases,
            List<LifecycleEvent> lifecycle,
            List<LifecycleEvent> rollbackLifecycle,
            List<DeploymentEvent> events,
            boolean withHistory) {
        Deployment d = new Deployment(id, request, createdAt, version);
        d.withHistory = withHistory;
        d.status = stored.status();
        d.trafficPercent = stored.trafficPercent();
        d.taskDefinitionArn = stored.taskDefinitionArn();
        d.codeDeployDeploymentId = stored.codeDeployDeploymentId();
        d.rollbackDeploymentId = stored.rollbackDeploymentId();
        d.reason = stored.reason();
        d.originalTargetGroup = stored.originalTargetGroup();
        d.replacementTargetGroup = stored.replacementTargetGroup();
        d.createRequestedAt = stored.createRequestedAt();
        d.stopState = stored.stopState();
        d.stopRequestedAt = stored.stopRequestedAt();
        d.stopAnsweredAt = stored.stopAnsweredAt();
        d.alarmChangedAt = stored.alarmChangedAt();
        d.trafficRestoredAt = stored.trafficRestoredAt();
        d.inconclusiveSince = stored.inconclusiveSince();
        d.awsProblem = stored.awsProblem();
        d.updatedAt = stored.updatedAt();
        d.finishedAt = stored.finishedAt();
        alarms.forEach(a -> d.alarms.put(a.name(), a));
        d.phases.addAll(phases);
        d.lifecycleEvents.addAll(lifecycle);
        d.rollbackLifecycleEvents.addAll(rollbackLifecycle);
        d.events.addAll(events);
        d.markStored();
        return d;
    }

    /** A copy, as saved, that later changes to this one do not reach: what is handed to readers after a save. */
    public Deployment snapshot() {
        Deployment copy = restore(
                id,
                request,
                createdAt,
                version,
                stored(),
                List.copyOf(alarms.values()),
                phases.stream().map(Phase::copy).toList(),
                lifecycleEvents,
                rollbackLifecycleEvents,
                events,
                withHistory);
        return copy;
    }

    /** The mutable columns of a stored deployment, as the store reads and writes them. */
    record Stored(
            DeploymentStatus status,
            int trafficPercent,
            String taskDefinitionArn,
            String codeDeployDeploymentId,
            String rollbackDeploymentId,
            String reason,
            String originalTargetGroup,
            String replacementTargetGroup,
            Instant createRequestedAt,
            StopState stopState,
            Instant stopRequestedAt,
            Instant stopAnsweredAt,
            Instant alarmChangedAt,
            Instant trafficRestoredAt,
            Instant inconclusiveSince,
            String awsProblem,
            Instant updatedAt,
            Instant finishedAt) {}

    Stored stored() {
        return new Stored(
                status,
                trafficPercent,
                taskDefinitionArn,
                codeDeployDeploymentId,
                rollbackDeploymentId,
                reason,
                originalTargetGroup,
                replacementTargetGroup,
                createRequestedAt,
                stopState,
                stopRequestedAt,
                stopAnsweredAt,
                alarmChangedAt,
                trafficRestoredAt,
                inconclusiveSince,
                awsProblem,
                updatedAt,
                finishedAt);
    }

    // --- changes -----------------------------------------------------------------------------------------------

    void record(Instant at, EventType type, String message) {
        DeploymentEvent event = new DeploymentEvent(at, type, message);
        events.add(event);
        unsavedEvents.add(event);
        updatedAt = at;
    }

    void taskDefinitionRegistered(String arn, Instant at) {
        taskDefinitionArn = arn;
        record(at, EventType.TASK_DEFINITION_REGISTERED, "Registered task definition " + arn);
    }

    void createRequested(Instant at) {
        createRequestedAt = at;
        record(at, EventType.CREATE_REQUESTED, "Creating the CodeDeploy deployment");
    }

    void codeDeployStarted(String codeDeployId, Instant at) {
        codeDeployDeploymentId = codeDeployId;
        status = DeploymentStatus.IN_PROGRESS;
        record(at, EventType.CODEDEPLOY_STARTED, "CodeDeploy deployment " + codeDeployId + " created");
    }

    void targetGroupsSeen(String original, String replacement) {
        dirty |= !java.util.Objects.equals(original, originalTargetGroup);
        originalTargetGroup = original;
        replacementTargetGroup = replacement;
    }

    void trafficObserved(int percent, Instant at) {
        dirty |= percent != trafficPercent;
        trafficPercent = percent;
    }

    /** CodeDeploy's latest lifecycle events of the replacement; an empty read (no target yet) keeps what was seen. */
    void lifecycleEventsSeen(List<LifecycleEvent> seen) {
        dirty |= replaceIfChanged(lifecycleEvents, seen);
    }

    /**
     * The latest lifecycle events of CodeDeploy's rollback deployment, kept apart from the release's own; an empty read
     * (no target yet, or it could not be read) keeps what was seen.
     */
    void rollbackLifecycleEventsSeen(List<LifecycleEvent> seen) {
        dirty |= replaceIfChanged(rollbackLifecycleEvents, seen);
    }

    private static boolean replaceIfChanged(List<LifecycleEvent> kept, List<LifecycleEvent> seen) {
        if (seen.isEmpty() || seen.equals(kept)) {
            return false;
        }
        kept.clear();
        kept.addAll(seen);
        return true;
    }

    void alarmsObserved(Map<String, AlarmReading> readings) {
        dirty |= !readings.equals(alarms.entrySet().stream()
                .filter(e -> readings.containsKey(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        alarms.putAll(readings);
        Phase current = currentPhase().orElse(null);
        if (current != null && current.isOpen()) {
            readings.values().forEach(r -> current.observe(r.name(), r.state()));
        }
    }

    void enterPhase(int percent, Instant at) {
        currentPhase().ifPresent(p -> p.end(at, PhaseOutcome.ADVANCED));
        phases.add(Phase.begin(phases.size(), percent, at));
        record(at, EventType.PHASE_STARTED, "Traffic on the replacement at " + percent + "%");
    }

    void endCurrentPhase(Instant at, PhaseOutcome outcome) {
        currentPhase().ifPresent(p -> p.end(at, outcome));
    }

    void stopRequested(String why, Instant alarmChanged, Instant at) {
        stopState = StopState.REQUESTED;
        stopRequestedAt = at;
        alarmChangedAt = alarmChanged;
        status = DeploymentStatus.ROLLING_BACK;
        reason = why;
        record(at, EventType.STOP_REQUESTED, why);
    }

    void stopAnswered(StopState answer, String message, Instant at) {
        stopState = answer;
        stopAnsweredAt = at;
        record(at, answer == StopState.ACCEPTED ? EventType.STOP_ACCEPTED : EventType.STOP_NOT_NEEDED, message);
    }

    void rollingBack(String why, Instant at) {
        if (status != DeploymentStatus.ROLLING_BACK) {
            status = DeploymentStatus.ROLLING_BACK;
            reason = reason == null ? why : reason;
            record(at, EventType.ROLLING_BACK, why);
        }
    }

    void rollbackDeploymentSeen(String rollbackId, Instant at) {
        if (rollbackId != null && !rollbackId.equals(rollbackDeploymentId)) {
            rollbackDeploymentId = rollbackId;
            record(at, EventType.ROLLBACK_STARTED, "CodeDeploy rollback deployment " + rollbackId);
        }
    }

    void inconclusive(Instant since) {
        dirty |= !java.util.Objects.equals(since, inconclusiveSince);
        inconclusiveSince = since;
    }

    void awsProblem(String problem, Instant at) {
        if (problem != null && !problem.equals(awsProblem)) {
            record(at, EventType.AWS_UNAVAILABLE, problem);
        } else if (problem == null && awsProblem != null) {
            record(at, EventType.AWS_AVAILABLE, "AWS answers again");
        }
        awsProblem = problem;
    }

    void finish(DeploymentStatus terminal, String why, Instant at) {
        status = terminal;
        if (why != null) {
            reason = why;
        }
        finishedAt = at;
        if (terminal == DeploymentStatus.ROLLED_BACK) {
            trafficRestoredAt = at;
        }
        record(
                at,
                EventType.finished(terminal),
                why == null ? "Release " + terminal.name().toLowerCase().replace('_', ' ') : why);
    }

    /** Called by the store once this state is written: the events are stored and the row's version moved on. */
    void saved() {
        markStored();
        version++;
    }

    /** Called by the store once the new deployment is inserted (at version 0). */
    void inserted() {
        markStored();
    }

    private void markStored() {
        unsavedEvents.clear();
        dirty = false;
        storedAlarms = Map.copyOf(alarms);
        phases.forEach(Phase::saved);
        storedPhases = phases.size();
        storedLifecycle = List.copyOf(lifecycleEvents);
        storedRollbackLifecycle = List.copyOf(rollbackLifecycleEvents);
    }

    /** The alarm readings that differ from the stored ones. */
    List<AlarmReading> unsavedAlarms() {
        return alarms.values().stream()
                .filter(a -> !a.equals(storedAlarms.get(a.name())))
                .toList();
    }

    /** The phases that are new or changed since the last save. */
    List<Phase> unsavedPhases() {
        List<Phase> changed = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (i >= storedPhases || phases.get(i).unsaved()) {
                changed.add(phases.get(i));
            }
        }
        return changed;
    }

    boolean lifecycleEventsUnsaved() {
        return !lifecycleEvents.equals(storedLifecycle);
    }

    boolean rollbackLifecycleEventsUnsaved() {
        return !rollbackLifecycleEvents.equals(storedRollbackLifecycle);
    }

    /** True when {@link #events()} is the whole history, not just what happened since the deployment was read. */
    public boolean hasHistory() {
        return withHistory;
    }

    boolean hasUnsavedChanges() {
        return !unsavedEvents.isEmpty() || dirty;
    }

    // --- reads -------------------------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public ReleaseRequest request() {
        return request;
    }

    public String service() {
        return request.service();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public DeploymentStatus status() {
        return status;
    }

    public int trafficPercent() {
        return trafficPercent;
    }

    public String taskDefinitionArn() {
        return taskDefinitionArn;
    }

    public String codeDeployDeploymentId() {
        return codeDeployDeploymentId;
    }

    public String rollbackDeploymentId() {
        return rollbackDeploymentId;
    }

    public String reason() {
        return reason;
    }

    public String originalTargetGroup() {
        return originalTargetGroup;
    }

    public String replacementTargetGroup() {
        return replacementTargetGroup;
    }

    public Instant createRequestedAt() {
        return createRequestedAt;
    }

    public StopState stopState() {
        return stopState;
    }

    public Instant stopRequestedAt() {
        return stopRequestedAt;
    }

    public Instant stopAnsweredAt() {
        return stopAnsweredAt;
    }

    public Instant alarmChangedAt() {
        return alarmChangedAt;
    }

    public Instant trafficRestoredAt() {
        return trafficRestoredAt;
    }

    public Instant inconclusiveSince() {
        return inconclusiveSince;
    }

    public String awsProblem() {
        return awsProblem;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Map<String, AlarmReading> alarms() {
        return Collections.unmodifiableMap(alarms);
    }

    public List<Phase> phases() {
        return Collections.unmodifiableList(phases);
    }

    public List<LifecycleEvent> lifecycleEvents() {
        return Collections.unmodifiableList(lifecycleEvents);
    }
    /** The lifecycle events of CodeDeploy's rollback deployment ({@link #rollbackDeploymentId()}); empty without one. */
    public List<LifecycleEvent> rollbackLifecycleEvents() {
        return Collections.unmodifiableList(rollbackLifecycleEvents);
    }

    public List<DeploymentEvent> events() {
        return Collections.unmodifiableList(events);
    }

    List<DeploymentEvent> unsavedEvents() {
        return List.copyOf(unsavedEvents);
    }

    public Optional<Phase> currentPhase() {
        return phases.isEmpty() ? Optional.empty() : Optional.of(phases.getLast());
    }

    public boolean isInFlight() {
        return !status.isTerminal();
    }
}

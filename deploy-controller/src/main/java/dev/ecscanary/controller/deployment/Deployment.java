package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One release of one image of one service, and everything learnt about it. The reconciler changes it through the
 * methods below and the store writes it back in one place; new events wait in {@link #unsavedEvents()} until then.
 * What it holds and how it reads are in {@link DeploymentState}; the store reads it back by name through
 * {@link StoredDeployment}.
 */
public final class Deployment extends DeploymentState {

    private final List<DeploymentEvent> unsavedEvents = new ArrayList<>();
    private boolean dirty;

    Deployment(UUID id, ReleaseRequest request, Instant createdAt, long version) {
        super(id, request, createdAt, version);
    }

    /** A new release, which runs under the inconclusive policy configured now, whatever the configuration says later. */
    public static Deployment accept(ReleaseRequest request, InconclusivePolicy policy, Instant now) {
        Deployment d = new Deployment(UUID.randomUUID(), request, now, 0);
        d.status = DeploymentStatus.PENDING;
        d.inconclusivePolicy = policy;
        d.updatedAt = now;
        d.record(
                now,
                EventType.ACCEPTED,
                "Release of " + request.image().value() + " requested by " + request.requestedBy());
        return d;
    }

    /** A copy, as saved, that later changes to this one do not reach: what is handed to readers after a save. */
    public Deployment snapshot() {
        return StoredDeployment.copyOf(this);
    }

    // --- changes, by the reconciler and Releases -------------------------------------------------------------------

    public void record(Instant at, EventType type, String message) {
        DeploymentEvent event = new DeploymentEvent(at, type, message);
        events.add(event);
        unsavedEvents.add(event);
        updatedAt = at;
    }

    public void taskDefinitionRegistered(String arn, Instant at) {
        taskDefinitionArn = arn;
        record(at, EventType.TASK_DEFINITION_REGISTERED, "Registered task definition " + arn);
    }

    public void createRequested(Instant at) {
        createRequestedAt = at;
        record(at, EventType.CREATE_REQUESTED, "Creating the CodeDeploy deployment");
    }

    public void codeDeployStarted(String codeDeployId, Instant at) {
        codeDeployDeploymentId = codeDeployId;
        status = DeploymentStatus.IN_PROGRESS;
        record(at, EventType.CODEDEPLOY_STARTED, "CodeDeploy deployment " + codeDeployId + " created");
    }

    public void targetGroupsSeen(String original, String replacement) {
        dirty |= !Objects.equals(original, originalTargetGroup);
        originalTargetGroup = original;
        replacementTargetGroup = replacement;
    }

    public void trafficObserved(int percent, Instant at) {
        dirty |= percent != trafficPercent;
        trafficPercent = percent;
    }

    /** CodeDeploy's latest lifecycle events of the replacement; an empty read (no target yet) keeps what was seen. */
    public void lifecycleEventsSeen(List<LifecycleEvent> seen) {
        dirty |= this.seen.lifecycleSeen(seen, false);
    }

    /** The latest lifecycle events of CodeDeploy's rollback deployment, kept apart from the release's own. */
    public void rollbackLifecycleEventsSeen(List<LifecycleEvent> seen) {
        dirty |= this.seen.lifecycleSeen(seen, true);
    }

    public void alarmsObserved(Map<String, AlarmReading> readings) {
        dirty |= seen.alarmsObserved(readings);
    }

    public void enterPhase(int percent, Instant at) {
        seen.enterPhase(percent, at);
        record(at, EventType.PHASE_STARTED, "Traffic on the replacement at " + percent + "%");
    }

    public void endCurrentPhase(Instant at, PhaseOutcome outcome) {
        seen.endCurrentPhase(at, outcome);
    }

    public void stopRequested(String why, Instant alarmChanged, Instant at) {
        stopState = StopState.REQUESTED;
        stopRequestedAt = at;
        alarmChangedAt = alarmChanged;
        status = DeploymentStatus.ROLLING_BACK;
        reason = why;
        record(at, EventType.STOP_REQUESTED, why);
    }

    public void stopAnswered(StopState answer, String message, Instant at) {
        stopState = answer;
        stopAnsweredAt = at;
        record(at, answer == StopState.ACCEPTED ? EventType.STOP_ACCEPTED : EventType.STOP_NOT_NEEDED, message);
    }

    public void rollingBack(String why, Instant at) {
        if (status != DeploymentStatus.ROLLING_BACK) {
            status = DeploymentStatus.ROLLING_BACK;
            reason = reason == null ? why : reason;
            record(at, EventType.ROLLING_BACK, why);
        }
    }

    public void rollbackDeploymentSeen(String rollbackId, Instant at) {
        if (rollbackId != null && !rollbackId.equals(rollbackDeploymentId)) {
            rollbackDeploymentId = rollbackId;
            record(at, EventType.ROLLBACK_STARTED, "CodeDeploy rollback deployment " + rollbackId);
        }
    }

    public void inconclusive(Instant since) {
        dirty |= !Objects.equals(since, inconclusiveSince);
        inconclusiveSince = since;
    }

    public void awsProblem(String problem, Instant at) {
        if (problem != null && !problem.equals(awsProblem)) {
            record(at, EventType.AWS_UNAVAILABLE, problem);
        } else if (problem == null && awsProblem != null) {
            record(at, EventType.AWS_AVAILABLE, "AWS answers again");
        }
        awsProblem = problem;
    }

    public void finish(DeploymentStatus terminal, String why, Instant at) {
        status = terminal;
        reason = why == null ? reason : why;
        finishedAt = at;
        if (terminal == DeploymentStatus.ROLLED_BACK) {
            trafficRestoredAt = at;
        }
        String said = why == null ? "Release " + terminal.name().toLowerCase().replace('_', ' ') : why;
        record(at, EventType.finished(terminal), said);
    }

    // --- the pre-traffic phase -------------------------------------------------------------------------------------

    public void preTrafficStarted(String message, Instant at) {
        preTraffic = PreTraffic.running(at);
        record(at, EventType.PRE_TRAFFIC_STARTED, message);
    }

    /** The service declares no checks: nothing to run, traffic may come in. */
    public void preTrafficNotNeeded(String message, Instant at) {
        preTraffic = PreTraffic.notConfigured(at, message);
        record(at, EventType.PRE_TRAFFIC_PASSED, message);
    }

    public void preTrafficChecked(
            boolean passed, List<String> targets, List<PreTraffic.Check> checks, String summary, Instant at) {
        preTraffic = preTraffic.ended(
                passed ? PreTraffic.Verdict.PASSED : PreTraffic.Verdict.FAILED, at, targets, checks, summary);
        record(at, passed ? EventType.PRE_TRAFFIC_PASSED : EventType.PRE_TRAFFIC_FAILED, summary);
    }

    /** CodeDeploy ended the deployment while the checks ran. */
    public void preTrafficCutShort(String why, Instant at) {
        preTraffic = preTraffic.ended(PreTraffic.Verdict.CUT_SHORT, at, List.of(), List.of(), why);
        record(at, EventType.PRE_TRAFFIC_FAILED, why);
    }

    public void continueRequested(Instant at) {
        preTraffic = preTraffic.continuing(PreTraffic.ContinueState.REQUESTED, at);
        record(at, EventType.CONTINUE_REQUESTED, "Letting production traffic in: ContinueDeployment(READY_WAIT)");
    }

    public void continueAccepted(String message, Instant at) {
        preTraffic = preTraffic.continuing(PreTraffic.ContinueState.ACCEPTED, preTraffic.continueRequestedAt());
        record(at, EventType.CONTINUE_ACCEPTED, message);
    }

    // --- saving, by the store --------------------------------------------------------------------------------------

    /** Called by the store once this state is written: the events are stored and the row's version moved on. */
    public void saved() {
        markStored();
        version++;
    }

    /** Called by the store once the new deployment is inserted (at version 0). */
    public void inserted() {
        markStored();
    }

    void markStored() {
        unsavedEvents.clear();
        dirty = false;
        seen.markStored();
    }

    public boolean hasUnsavedChanges() {
        return !unsavedEvents.isEmpty() || dirty;
    }

    public List<DeploymentEvent> unsavedEvents() {
        return List.copyOf(unsavedEvents);
    }

    /** The alarm readings that differ from the stored ones. */
    public List<AlarmReading> unsavedAlarms() {
        return seen.unsavedAlarms();
    }

    /** The phases that are new or changed since the last save. */
    public List<Phase> unsavedPhases() {
        return seen.unsavedPhases();
    }

    public boolean lifecycleEventsUnsaved() {
        return seen.lifecycleUnsaved(false);
    }

    public boolean rollbackLifecycleEventsUnsaved() {
        return seen.lifecycleUnsaved(true);
    }
}

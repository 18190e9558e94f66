package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deployment being read back from the store, field by field and by name; {@link #restored(boolean)} hands it over
 * as saved. Used by the store, and by {@link Deployment#snapshot()} to copy one.
 */
public final class StoredDeployment {

    private final Deployment d;

    public StoredDeployment(UUID id, ReleaseRequest request, Instant createdAt, long version) {
        this.d = new Deployment(id, request, createdAt, version);
    }

    public UUID id() {
        return d.id;
    }

    public StoredDeployment status(DeploymentStatus value) {
        d.status = value;
        return this;
    }

    public StoredDeployment trafficPercent(int value) {
        d.trafficPercent = value;
        return this;
    }

    public StoredDeployment taskDefinitionArn(String value) {
        d.taskDefinitionArn = value;
        return this;
    }

    public StoredDeployment codeDeployDeploymentId(String value) {
        d.codeDeployDeploymentId = value;
        return this;
    }

    public StoredDeployment rollbackDeploymentId(String value) {
        d.rollbackDeploymentId = value;
        return this;
    }

    public StoredDeployment reason(String value) {
        d.reason = value;
        return this;
    }

    public StoredDeployment originalTargetGroup(String value) {
        d.originalTargetGroup = value;
        return this;
    }

    public StoredDeployment replacementTargetGroup(String value) {
        d.replacementTargetGroup = value;
        return this;
    }

    public StoredDeployment createRequestedAt(Instant value) {
        d.createRequestedAt = value;
        return this;
    }

    public StoredDeployment stopState(StopState value) {
        d.stopState = value;
        return this;
    }

    public StoredDeployment stopRequestedAt(Instant value) {
        d.stopRequestedAt = value;
        return this;
    }

    public StoredDeployment stopAnsweredAt(Instant value) {
        d.stopAnsweredAt = value;
        return this;
    }

    public StoredDeployment alarmChangedAt(Instant value) {
        d.alarmChangedAt = value;
        return this;
    }

    public StoredDeployment trafficRestoredAt(Instant value) {
        d.trafficRestoredAt = value;
        return this;
    }

    public StoredDeployment inconclusiveSince(Instant value) {
        d.inconclusiveSince = value;
        return this;
    }

    public StoredDeployment inconclusivePolicy(InconclusivePolicy value) {
        d.inconclusivePolicy = value;
        return this;
    }

    public StoredDeployment preTraffic(PreTraffic value) {
        d.preTraffic = value;
        return this;
    }

    public StoredDeployment awsProblem(String value) {
        d.awsProblem = value;
        return this;
    }

    public StoredDeployment updatedAt(Instant value) {
        d.updatedAt = value;
        return this;
    }

    public StoredDeployment finishedAt(Instant value) {
        d.finishedAt = value;
        return this;
    }

    /** Its latest alarm readings, traffic steps, and lifecycle events of the release and of its rollback. */
    public StoredDeployment observations(
            List<AlarmReading> alarms,
            List<Phase> phases,
            List<LifecycleEvent> lifecycle,
            List<LifecycleEvent> rollbackLifecycle) {
        d.seen.restore(alarms, phases, lifecycle, rollbackLifecycle);
        return this;
    }

    public StoredDeployment events(List<DeploymentEvent> events) {
        d.events.addAll(events);
        return this;
    }

    /**
     * The deployment as stored: nothing unsaved.
     *
     * @param withHistory false when its events were not read (then {@link Deployment#events()} holds only new ones)
     */
    public Deployment restored(boolean withHistory) {
        d.withHistory = withHistory;
        d.markStored();
        return d;
    }

    static Deployment copyOf(Deployment d) {
        StoredDeployment copy = new StoredDeployment(d.id, d.request, d.createdAt, d.version)
                .status(d.status)
                .trafficPercent(d.trafficPercent)
                .taskDefinitionArn(d.taskDefinitionArn)
                .codeDeployDeploymentId(d.codeDeployDeploymentId)
                .rollbackDeploymentId(d.rollbackDeploymentId)
                .reason(d.reason)
                .originalTargetGroup(d.originalTargetGroup)
                .replacementTargetGroup(d.replacementTargetGroup)
                .createRequestedAt(d.createRequestedAt)
                .stopState(d.stopState)
                .stopRequestedAt(d.stopRequestedAt)
                .stopAnsweredAt(d.stopAnsweredAt)
                .alarmChangedAt(d.alarmChangedAt)
                .trafficRestoredAt(d.trafficRestoredAt)
                .inconclusiveSince(d.inconclusiveSince)
                .awsProblem(d.awsProblem)
                .inconclusivePolicy(d.inconclusivePolicy)
                .preTraffic(d.preTraffic)
                .updatedAt(d.updatedAt)
                .finishedAt(d.finishedAt)
                .events(d.events);
        copy.d.seen.copyFrom(d.seen);
        return copy.restored(d.withHistory);
    }
}

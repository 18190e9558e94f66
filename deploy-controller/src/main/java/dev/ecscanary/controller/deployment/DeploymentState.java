package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What is known about a release, and how it reads: the one place a deployment's fields are declared. {@link Deployment}
 * adds the changes the reconciler makes; {@link StoredDeployment} sets the fields by name when the store reads a
 * deployment back. A new field goes here, with its change in {@code Deployment}, its column in {@code StoredDeployment}
 * and in the store's writes and rows.
 */
public abstract sealed class DeploymentState permits Deployment {

    final UUID id;
    final ReleaseRequest request;
    final Instant createdAt;
    long version;
    DeploymentStatus status;
    int trafficPercent;
    String taskDefinitionArn;
    String codeDeployDeploymentId;
    String rollbackDeploymentId;
    String reason;
    String originalTargetGroup;
    String replacementTargetGroup;
    Instant createRequestedAt;
    StopState stopState = StopState.NONE;
    Instant stopRequestedAt;
    Instant stopAnsweredAt;
    Instant alarmChangedAt;
    Instant trafficRestoredAt;
    Instant inconclusiveSince;
    String awsProblem;
    InconclusivePolicy inconclusivePolicy;
    PreTraffic preTraffic;
    Instant updatedAt;
    Instant finishedAt;
    final Observations seen = new Observations();
    final List<DeploymentEvent> events = new ArrayList<>();
    // false when read without its event history (the reconciler's reads): events() then holds only the new ones
    boolean withHistory = true;

    DeploymentState(UUID id, ReleaseRequest request, Instant createdAt, long version) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** True when {@link #events()} is the whole history, not just what happened since the deployment was read. */
    public boolean hasHistory() {
        return withHistory;
    }

    public boolean isInFlight() {
        return !status.isTerminal();
    }

    public String service() {
        return request.service();
    }

    public Map<String, AlarmReading> alarms() {
        return seen.alarms();
    }

    public List<Phase> phases() {
        return seen.phases();
    }

    public Optional<Phase> currentPhase() {
        return seen.currentPhase();
    }

    public List<LifecycleEvent> lifecycleEvents() {
        return seen.lifecycle(false);
    }

    /** The lifecycle events of CodeDeploy's rollback deployment ({@link #rollbackDeploymentId()}); empty without one. */
    public List<LifecycleEvent> rollbackLifecycleEvents() {
        return seen.lifecycle(true);
    }

    public List<DeploymentEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public UUID id() {
        return id;
    }

    public ReleaseRequest request() {
        return request;
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

    /** The inconclusive policy the release runs under, fixed when it was accepted; null for one accepted before it was recorded. */
    public InconclusivePolicy inconclusivePolicy() {
        return inconclusivePolicy;
    }

    /** The pre-traffic phase, or null before CodeDeploy waited in READY_WAIT (or for a group that does not wait). */
    public PreTraffic preTraffic() {
        return preTraffic;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}

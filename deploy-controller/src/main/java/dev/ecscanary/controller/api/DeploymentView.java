package dev.ecscanary.controller.api;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment as the API shows it (and the status page's event streams send it).
 *
 * @param lifecycleEvents         the lifecycle events of the release's own CodeDeploy deployment, as last read
 * @param rollbackLifecycleEvents those of CodeDeploy's rollback deployment ({@code rollbackDeploymentId}); empty without one
 */
public record DeploymentView(
        UUID id,
        String service,
        String image,
        String environment,
        String description,
        String commitSha,
        String runUrl,
        String requestedBy,
        String status,
        int trafficPercent,
        String taskDefinitionArn,
        String codeDeployDeploymentId,
        String rollbackDeploymentId,
        String reason,
        List<AlarmView> alarms,
        List<PhaseView> phases,
        List<LifecycleEvent> lifecycleEvents,
        List<LifecycleEvent> rollbackLifecycleEvents,
        List<DeploymentEvent> events,
        SafetyNetView safetyNet,
        AnalysisView analysis,
        String awsProblem,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    public static DeploymentView of(Deployment d, AnalysisProperties analysis) {
        var r = d.request();
        return new DeploymentView(
                d.id(),
                d.service(),
                r.image().value(),
                r.environment(),
                r.description(),
                r.commitSha(),
                r.runUrl(),
                r.requestedBy(),
                d.status().name(),
                d.trafficPercent(),
                d.taskDefinitionArn(),
                d.codeDeployDeploymentId(),
                d.rollbackDeploymentId(),
                d.reason(),
                d.alarms().values().stream().map(AlarmView::of).toList(),
                d.phases().stream().map(PhaseView::of).toList(),
                List.copyOf(d.lifecycleEvents()),
                List.copyOf(d.rollbackLifecycleEvents()),
                d.events(),
                SafetyNetView.of(d),
                new AnalysisView(
                        d.inconclusivePolicy() == null
                                ? null
                                : d.inconclusivePolicy().name(),
                        analysis.inconclusiveGrace().toSeconds(),
                        d.inconclusiveSince()),
                d.awsProblem(),
                d.createdAt(),
                d.updatedAt(),
                d.finishedAt());
    }

    public record AlarmView(String name, String state, String reason, Instant stateUpdatedAt) {
        static AlarmView of(AlarmReading r) {
            return new AlarmView(r.name(), r.state().name(), r.reason(), r.stateUpdatedAt());
        }
    }

    public record PhaseView(
            int index,
            int trafficPercent,
            Instant startedAt,
            Instant endedAt,
            String outcome,
            Map<String, String> alarmStates) {
        static PhaseView of(Phase p) {
            Map<String, String> states = new java.util.TreeMap<>();
            p.alarmStates().forEach((k, v) -> states.put(k, v.name()));
            return new PhaseView(
                    p.index(),
                    p.trafficPercent(),
                    p.startedAt(),
                    p.endedAt(),
                    p.outcome() == null ? null : p.outcome().name(),
                    states);
        }
    }

    /**
     * How fast the safety net was: the alarm's state change, this controller's stop, traffic back on the original.
     *
     * @param detectionMillis  from the alarm's state change to the StopDeployment call
     * @param restoreMillis    from the StopDeployment call to all traffic verified back
     */
    public record SafetyNetView(
            String stopState,
            Instant alarmChangedAt,
            Instant stopRequestedAt,
            Instant stopAnsweredAt,
            Instant trafficRestoredAt,
            Long detectionMillis,
            Long restoreMillis) {
        static SafetyNetView of(Deployment d) {
            return new SafetyNetView(
                    d.stopState().name(),
                    d.alarmChangedAt(),
                    d.stopRequestedAt(),
                    d.stopAnsweredAt(),
                    d.trafficRestoredAt(),
                    millis(d.alarmChangedAt(), d.stopRequestedAt()),
                    millis(d.stopRequestedAt(), d.trafficRestoredAt()));
        }

        private static Long millis(Instant from, Instant to) {
            return from == null || to == null
                    ? null
                    : Duration.between(from, to).toMillis();
        }
    }

    /** The policy for inconclusive alarm readings, shown on every record. */
    public record AnalysisView(String inconclusivePolicy, long inconclusiveGraceSeconds, Instant inconclusiveSince) {}
}

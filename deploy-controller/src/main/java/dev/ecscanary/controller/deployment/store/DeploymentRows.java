package dev.ecscanary.controller.deployment.store;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.deployment.PreTraffic;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.StopState;
import dev.ecscanary.controller.deployment.StoredDeployment;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the store's rows by column name: a deployment, and the alarm, phase, lifecycle and event rows under it. */
final class DeploymentRows {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private DeploymentRows() {}

    private static InconclusivePolicy policy(String name) {
        return name == null ? null : InconclusivePolicy.valueOf(name);
    }

    private static PreTraffic preTraffic(String json) {
        return json == null ? null : JSON.readValue(json, PreTraffic.class);
    }

    /** A row of deployment; its alarms, phases, lifecycle events and events are attached by the caller. */
    static StoredDeployment deployment(ResultSet rs, int rowNum) throws SQLException {
        ReleaseRequest request = new ReleaseRequest(
                rs.getString("service"),
                ImageReference.parse(rs.getString("image")),
                rs.getString("environment"),
                rs.getString("description"),
                rs.getString("commit_sha"),
                rs.getString("run_url"),
                rs.getString("requested_by"));
        return new StoredDeployment(
                        rs.getObject("id", UUID.class), request, instant(rs, "created_at"), rs.getLong("version"))
                .status(DeploymentStatus.valueOf(rs.getString("status")))
                .trafficPercent(rs.getInt("traffic_percent"))
                .taskDefinitionArn(rs.getString("task_definition_arn"))
                .codeDeployDeploymentId(rs.getString("code_deploy_deployment_id"))
                .rollbackDeploymentId(rs.getString("rollback_deployment_id"))
                .reason(rs.getString("reason"))
                .originalTargetGroup(rs.getString("original_target_group"))
                .replacementTargetGroup(rs.getString("replacement_target_group"))
                .createRequestedAt(instant(rs, "create_requested_at"))
                .stopState(StopState.valueOf(rs.getString("stop_state")))
                .stopRequestedAt(instant(rs, "stop_requested_at"))
                .stopAnsweredAt(instant(rs, "stop_answered_at"))
                .alarmChangedAt(instant(rs, "alarm_changed_at"))
                .trafficRestoredAt(instant(rs, "traffic_restored_at"))
                .inconclusiveSince(instant(rs, "inconclusive_since"))
                .awsProblem(rs.getString("aws_problem"))
                .inconclusivePolicy(policy(rs.getString("inconclusive_policy")))
                .preTraffic(preTraffic(rs.getString("pre_traffic")))
                .updatedAt(instant(rs, "updated_at"))
                .finishedAt(instant(rs, "finished_at"));
    }

    /** The deployment a child row (alarm, phase, lifecycle event, event) belongs to. */
    static UUID owner(ResultSet rs) throws SQLException {
        return rs.getObject("deployment_id", UUID.class);
    }

    static AlarmReading alarm(ResultSet rs, int rowNum) throws SQLException {
        return new AlarmReading(
                rs.getString("name"),
                AlarmState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                instant(rs, "state_updated_at"));
    }

    static Phase phase(ResultSet rs, int rowNum) throws SQLException {
        String outcome = rs.getString("outcome");
        Map<String, AlarmState> states =
                JSON.readValue(rs.getString("alarm_states"), new TypeReference<LinkedHashMap<String, AlarmState>>() {});
        return new Phase(
                rs.getInt("idx"),
                rs.getInt("traffic_percent"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                outcome == null ? null : PhaseOutcome.valueOf(outcome),
                states);
    }

    static LifecycleRow lifecycle(ResultSet rs, int rowNum) throws SQLException {
        return new LifecycleRow(
                rs.getBoolean("of_rollback"),
                new LifecycleEvent(
                        rs.getString("name"),
                        rs.getString("status"),
                        instant(rs, "start_time"),
                        instant(rs, "end_time")));
    }

    /** A row of deployment_lifecycle_event: an event of the release's own CodeDeploy deployment or of its rollback. */
    record LifecycleRow(boolean ofRollback, LifecycleEvent event) {

        /** The events of one of the two, in CodeDeploy's order (the rows come ordered by index). */
        static List<LifecycleEvent> of(List<LifecycleRow> rows, boolean ofRollback) {
            return rows.stream()
                    .filter(r -> r.ofRollback == ofRollback)
                    .map(LifecycleRow::event)
                    .toList();
        }
    }

    /** An event; a type this version does not know reads as {@link EventType#UNKNOWN}. */
    static DeploymentEvent event(ResultSet rs, int rowNum) throws SQLException {
        return new DeploymentEvent(instant(rs, "at"), EventType.named(rs.getString("type")), rs.getString("message"));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

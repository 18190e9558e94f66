package dev.ecscanary.controller.deployment.store;

import static dev.ecscanary.controller.deployment.store.DeploymentRows.JSON;
import static dev.ecscanary.controller.deployment.store.DeploymentRows.ts;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentChanged;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.ServiceBusyException;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes deployments, their alarms, phases, lifecycle events and events to PostgreSQL. Each save is one transaction,
 * and once it is committed the new state is published as a {@link DeploymentChanged}.
 */
@Repository
public class DeploymentWrites implements DeploymentSaver {

    /** The primary key of idempotency_key: two requests with one key raced. */
    private static final String IDEMPOTENCY_KEY = "idempotency_key_pkey";
    /** The unique index that lets one release of a service be in flight (V1__deployments.sql). */
    private static final String ONE_IN_FLIGHT_PER_SERVICE = "deployment_one_in_flight_per_service";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final SavedVersions savedVersions;
    private final DeploymentQueries queries;

    DeploymentWrites(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            SavedVersions savedVersions,
            DeploymentQueries queries) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.savedVersions = savedVersions;
        this.queries = queries;
    }

    /**
     * Stores a newly accepted deployment, and its idempotency key if given, in one transaction.
     *
     * @throws ServiceBusyException     when the service already has a deployment in flight
     * @throws IdempotencyRaceException when a concurrent request stored the same idempotency key first
     */
    public void insert(Deployment d, String idempotencyKey, String requestHash) {
        try {
            tx.executeWithoutResult(s -> {
                insertRow(d);
                if (idempotencyKey != null) {
                    jdbc.sql("""
                            insert into idempotency_key (key, request_hash, deployment_id, created_at)
                            values (:key, :requestHash, :deploymentId, :createdAt)""")
                            .param("key", idempotencyKey)
                            .param("requestHash", requestHash)
                            .param("deploymentId", d.id())
                            .param("createdAt", ts(d.createdAt()))
                            .update();
                }
                insertEvents(d);
            });
        } catch (DuplicateKeyException e) {
            if (UniqueViolation.of(e, IDEMPOTENCY_KEY)) {
                throw new IdempotencyRaceException(idempotencyKey);
            }
            if (UniqueViolation.of(e, ONE_IN_FLIGHT_PER_SERVICE)) {
                throw new ServiceBusyException(
                        d.service(),
                        queries.findInFlight(d.service()).map(Deployment::id).orElse(null));
            }
            throw e;
        }
        d.inserted();
        committed(d);
    }

    private void insertRow(Deployment d) {
        ReleaseRequest r = d.request();
        jdbc.sql("""
                insert into deployment (id, service, image, environment, description, commit_sha, run_url,
                    requested_by, status, created_at, updated_at, inconclusive_policy)
                values (:id, :service, :image, :environment, :description, :commitSha, :runUrl,
                    :requestedBy, :status, :createdAt, :updatedAt, :inconclusivePolicy)""")
                .param("id", d.id())
                .param("service", r.service())
                .param("image", r.image().value())
                .param("environment", r.environment())
                .param("description", r.description())
                .param("commitSha", r.commitSha())
                .param("runUrl", r.runUrl())
                .param("requestedBy", r.requestedBy())
                .param("status", d.status().name())
                .param("createdAt", ts(d.createdAt()))
                .param("updatedAt", ts(d.updatedAt()))
                .param(
                        "inconclusivePolicy",
                        d.inconclusivePolicy() == null
                                ? null
                                : d.inconclusivePolicy().name())
                .update();
    }

    /** Writes back everything that changed; fails when another writer saved the same deployment first. */
    @Override
    public void save(Deployment d) {
        tx.executeWithoutResult(s -> {
            updateRow(d);
            d.unsavedAlarms().forEach(a -> saveAlarm(d.id(), a));
            d.unsavedPhases().forEach(p -> savePhase(d.id(), p));
            if (d.lifecycleEventsUnsaved()) {
                saveLifecycleEvents(d.id(), false, d.lifecycleEvents());
            }
            if (d.rollbackLifecycleEventsUnsaved()) {
                saveLifecycleEvents(d.id(), true, d.rollbackLifecycleEvents());
            }
            insertEvents(d);
        });
        d.saved();
        committed(d);
    }

    private void updateRow(Deployment d) {
        int updated = jdbc.sql("""
                update deployment set status = :status, traffic_percent = :trafficPercent,
                    task_definition_arn = :taskDefinitionArn, code_deploy_deployment_id = :codeDeployDeploymentId,
                    rollback_deployment_id = :rollbackDeploymentId, reason = :reason,
                    original_target_group = :originalTargetGroup, replacement_target_group = :replacementTargetGroup,
                    create_requested_at = :createRequestedAt, stop_state = :stopState,
                    stop_requested_at = :stopRequestedAt, stop_answered_at = :stopAnsweredAt,
                    alarm_changed_at = :alarmChangedAt, traffic_restored_at = :trafficRestoredAt,
                    inconclusive_since = :inconclusiveSince, aws_problem = :awsProblem, pre_traffic = :preTraffic,
                    updated_at = :updatedAt, finished_at = :finishedAt, version = version + 1
                where id = :id and version = :version""")
                .param("status", d.status().name())
                .param("trafficPercent", d.trafficPercent())
                .param("taskDefinitionArn", d.taskDefinitionArn())
                .param("codeDeployDeploymentId", d.codeDeployDeploymentId())
                .param("rollbackDeploymentId", d.rollbackDeploymentId())
                .param("reason", d.reason())
                .param("originalTargetGroup", d.originalTargetGroup())
                .param("replacementTargetGroup", d.replacementTargetGroup())
                .param("createRequestedAt", ts(d.createRequestedAt()))
                .param("stopState", d.stopState().name())
                .param("stopRequestedAt", ts(d.stopRequestedAt()))
                .param("stopAnsweredAt", ts(d.stopAnsweredAt()))
                .param("alarmChangedAt", ts(d.alarmChangedAt()))
                .param("trafficRestoredAt", ts(d.trafficRestoredAt()))
                .param("inconclusiveSince", ts(d.inconclusiveSince()))
                .param("awsProblem", d.awsProblem())
                .param("preTraffic", d.preTraffic() == null ? null : JSON.writeValueAsString(d.preTraffic()))
                .param("updatedAt", ts(d.updatedAt()))
                .param("finishedAt", ts(d.finishedAt()))
                .param("id", d.id())
                .param("version", d.version())
                .update();
        if (updated != 1) {
            throw new ConcurrentChangeException(d.id());
        }
    }

    private void saveAlarm(UUID id, AlarmReading a) {
        jdbc.sql("""
                insert into deployment_alarm (deployment_id, name, state, reason, state_updated_at)
                values (:id, :name, :state, :reason, :stateUpdatedAt)
                on conflict (deployment_id, name) do update
                set state = excluded.state, reason = excluded.reason, state_updated_at = excluded.state_updated_at""")
                .param("id", id)
                .param("name", a.name())
                .param("state", a.state().name())
                .param("reason", a.reason())
                .param("stateUpdatedAt", ts(a.stateUpdatedAt()))
                .update();
    }

    private void savePhase(UUID id, Phase p) {
        jdbc.sql("""
                insert into deployment_phase (deployment_id, idx, traffic_percent, started_at, ended_at, outcome,
                    alarm_states)
                values (:id, :index, :trafficPercent, :startedAt, :endedAt, :outcome, :alarmStates)
                on conflict (deployment_id, idx) do update
                set ended_at = excluded.ended_at, outcome = excluded.outcome, alarm_states = excluded.alarm_states""")
                .param("id", id)
                .param("index", p.index())
                .param("trafficPercent", p.trafficPercent())
                .param("startedAt", ts(p.startedAt()))
                .param("endedAt", ts(p.endedAt()))
                .param("outcome", p.outcome() == null ? null : p.outcome().name())
                .param("alarmStates", JSON.writeValueAsString(p.alarmStates()))
                .update();
    }

    /** Writes one deployment's lifecycle events: the release's own CodeDeploy deployment's, or its rollback's. */
    private void saveLifecycleEvents(UUID id, boolean ofRollback, List<LifecycleEvent> lifecycle) {
        for (int i = 0; i < lifecycle.size(); i++) {
            LifecycleEvent e = lifecycle.get(i);
            jdbc.sql("""
                    insert into deployment_lifecycle_event
                        (deployment_id, of_rollback, idx, name, status, start_time, end_time)
                    values (:id, :ofRollback, :index, :name, :status, :startTime, :endTime)
                    on conflict (deployment_id, of_rollback, idx) do update
                    set name = excluded.name, status = excluded.status, start_time = excluded.start_time,
                        end_time = excluded.end_time""")
                    .param("id", id)
                    .param("ofRollback", ofRollback)
                    .param("index", i)
                    .param("name", e.name())
                    .param("status", e.status())
                    .param("startTime", ts(e.startTime()))
                    .param("endTime", ts(e.endTime()))
                    .update();
        }
        jdbc.sql("""
                delete from deployment_lifecycle_event
                where deployment_id = :id and of_rollback = :ofRollback and idx >= :count""")
                .param("id", id)
                .param("ofRollback", ofRollback)
                .param("count", lifecycle.size())
                .update();
    }

    private void insertEvents(Deployment d) {
        for (DeploymentEvent e : d.unsavedEvents()) {
            jdbc.sql("""
                    insert into deployment_event (deployment_id, at, type, message)
                    values (:id, :at, :type, :message)""")
                    .param("id", d.id())
                    .param("at", ts(e.at()))
                    .param("type", e.type().name())
                    .param("message", e.message())
                    .update();
        }
    }

    private void committed(Deployment d) {
        savedVersions.committed(d);
        events.publishEvent(new DeploymentChanged(d.id(), d.service(), d.status(), d.version(), d.snapshot()));
    }
}

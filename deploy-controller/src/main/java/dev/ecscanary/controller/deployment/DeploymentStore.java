package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.release.ImageReference;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Deployments, their alarms, phases and events, in PostgreSQL. Each save is one transaction. */
@Repository
public class DeploymentStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IN_FLIGHT = "('PENDING', 'IN_PROGRESS', 'ROLLING_BACK')";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    // The version each deployment in flight was last saved at by this process, so that the reconciler can tell its
    // copy is current without a query. Only an optimisation: every save still checks the version in the database.
    private final Map<UUID, Long> savedVersions = new ConcurrentHashMap<>();

    public DeploymentStore(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    /**
     * Stores a newly accepted deployment, and its idempotency key if given, in one transaction.
     *
     * @throws ServiceBusyException when the service already has a deployment in flight
     */
    public void insert(Deployment d, String idempotencyKey, String requestHash) {
        try {
            tx.executeWithoutResult(s -> {
                ReleaseRequest r = d.request();
                jdbc.sql("""
                        insert into deployment (id, service, image, environment, description, commit_sha, run_url,
                            requested_by, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                d.id(),
                                r.service(),
                                r.image().value(),
                                r.environment(),
                                r.description(),
                                r.commitSha(),
                                r.runUrl(),
                                r.requestedBy(),
                                d.status().name(),
                                ts(d.createdAt()),
                                ts(d.updatedAt()))
                        .update();
                if (idempotencyKey != null) {
                    jdbc.sql(
                                    "insert into idempotency_key (key, request_hash, deployment_id, created_at) values (?, ?, ?, ?)")
                            .params(idempotencyKey, requestHash, d.id(), ts(d.createdAt()))
                            .update();
                }
                insertEvents(d);
            });
            d.inserted();
            committed(d);
        } catch (DuplicateKeyException e) {
            if (e.getMessage() != null && e.getMessage().contains("idempotency_key")) {
                throw new IdempotencyRaceException(idempotencyKey);
            }
            throw new ServiceBusyException(
                    d.service(), findInFlight(d.service()).map(Deployment::id).orElse(null));
        }
    }

    /** Writes back everything that changed; fails when another writer saved the same deployment first. */
    public void save(Deployment d) {
        tx.executeWithoutResult(s -> {
            Deployment.Stored v = d.stored();
            int updated = jdbc.sql("""
                    update deployment set status = ?, traffic_percent = ?, task_definition_arn = ?,
                        code_deploy_deployment_id = ?, rollback_deployment_id = ?, reason = ?, original_target_group = ?,
                        replacement_target_group = ?, create_requested_at = ?, stop_state = ?, stop_requested_at = ?, stop_answered_at = ?,
                        alarm_changed_at = ?, traffic_restored_at = ?, inconclusive_since = ?, aws_problem = ?,
                        updated_at = ?, finished_at = ?, version = version + 1
                    where id = ? and version = ?""")
                    .params(
                            v.status().name(),
                            v.trafficPercent(),
                            v.taskDefinitionArn(),
                            v.codeDeployDeploymentId(),
                            v.rollbackDeploymentId(),
                            v.reason(),
                            v.originalTargetGroup(),
                            v.replacementTargetGroup(),
                            ts(v.createRequestedAt()),
                            v.stopState().name(),
                            ts(v.stopRequestedAt()),
                            ts(v.stopAnsweredAt()),
                            ts(v.alarmChangedAt()),
                            ts(v.trafficRestoredAt()),
                            ts(v.inconclusiveSince()),
                            v.awsProblem(),
                            ts(v.updatedAt()),
                            ts(v.finishedAt()),
                            d.id(),
                            d.version())
                    .update();
            if (updated != 1) {
                throw new ConcurrentChangeException(d.id());
            }
            for (AlarmReading a : d.unsavedAlarms()) {
                jdbc.sql("""
                        insert into deployment_alarm (deployment_id, name, state, reason, state_updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (deployment_id, name) do update
                        set state = excluded.state, reason = excluded.reason, state_updated_at = excluded.state_updated_at""")
                        .params(d.id(), a.name(), a.state().name(), a.reason(), ts(a.stateUpdatedAt()))
                        .update();
            }
            for (Phase p : d.unsavedPhases()) {
                jdbc.sql("""
                        insert into deployment_phase (deployment_id, idx, traffic_percent, started_at, ended_at, outcome, alarm_states)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (deployment_id, idx) do update
                        set ended_at = excluded.ended_at, outcome = excluded.outcome, alarm_states = excluded.alarm_states""")
                        .params(
                                d.id(),
                                p.index(),
                                p.trafficPercent(),
                                ts(p.startedAt()),
                                ts(p.endedAt()),
                                p.outcome() == null ? null : p.outcome().name(),
                                JSON.writeValueAsString(p.alarmStates()))
                        .update();
            }
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

    private void committed(Deployment d) {
        if (d.isInFlight()) {
            savedVersions.merge(d.id(), d.version(), Math::max);
        } else {
            savedVersions.remove(d.id());
        }
        events.publishEvent(new DeploymentChanged(d.id(), d.service(), d.status(), d.version(), d.snapshot()));
    }

    /** Writes one deployment's lifecycle events: the release's own CodeDeploy deployment's, or its rollback's. */
    private void saveLifecycleEvents(UUID id, boolean ofRollback, List<LifecycleEvent> lifecycle) {
        for (int i = 0; i < lifecycle.size(); i++) {
            LifecycleEvent e = lifecycle.get(i);
            jdbc.sql("""
                    insert into deployment_lifecycle_event (deployment_id, of_rollback, idx, name, status, start_time, end_time)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (deployment_id, of_rollback, idx) do update
                    set name = excluded.name, status = excluded.status, start_time = excluded.start_time,
                        end_time = excluded.end_time""")
                    .params(id, ofRollback, i, e.name(), e.status(), ts(e.startTime()), ts(e.endTime()))
                    .update();
        }
        jdbc.sql("delete from deployment_lifecycle_event where deployment_id = ? and of_rollback = ? and idx >= ?")
                .params(id, ofRollback, lifecycle.size())
                .update();
    }

    private void insertEvents(Deployment d) {
        for (DeploymentEvent e : d.unsavedEvents()) {
            jdbc.sql("insert into deployment_event (deployment_id, at, type, message) values (?, ?, ?, ?)")
                    .params(d.id(), ts(e.at()), e.type().name(), e.message())
                    .update();
        }
    }

    public Optional<Deployment> find(UUID id) {
        return load("where id = ?", List.of(id), 1, true).stream().findFirst();
    }

    /**
     * The deployment as stored now: {@code known} itself when nobody has saved it since it was read (known from this
     * process's own saves, else by one query instead of a full read), else a fresh read with its history; empty when
     * it is gone.
     */
    public Optional<Deployment> current(Deployment known) {
        Long saved = savedVersions.get(known.id());
        if (saved != null) {
            return saved == known.version() ? Optional.of(known) : find(known.id());
        }
        Optional<Long> version = jdbc.sql("select version from deployment where id = ?")
                .param(known.id())
                .query(Long.class)
                .optional();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return version.get() == known.version() ? Optional.of(known) : find(known.id());
    }

    /** The service's release in flight, if any, with its history. */
    public Optional<Deployment> findInFlightWithHistory(String service) {
        return load("where service = ? and status in " + IN_FLIGHT, List.of(service), 1, true).stream()
                .findFirst();
    }

    /** The image of the service's most recent release that ended in {@code SUCCEEDED}: one indexed row. */
    public Optional<String> lastSucceededImage(String service) {
        return jdbc.sql(
                        "select image from deployment where service = ? and status = 'SUCCEEDED' order by created_at desc limit 1")
                .param(service)
                .query(String.class)
                .optional();
    }

    public Optional<Deployment> findInFlight(String service) {
        return load("where service = ? and status in " + IN_FLIGHT, List.of(service), 1, false).stream()
                .findFirst();
    }

    /** Every deployment not yet finished, with its history: what is saved of them is handed on to live views as is. */
    public List<Deployment> allInFlight() {
        return load("where status in " + IN_FLIGHT, List.of(), Integer.MAX_VALUE, true);
    }

    /** Newest first, optionally of one service and one status. */
    public List<Deployment> list(String service, DeploymentStatus status, int limit) {
        return list(service, status, 0, limit);
    }

    /** One page of {@link #list(String, DeploymentStatus, int)}: the {@code offset} newest are skipped. */
    public List<Deployment> list(String service, DeploymentStatus status, int offset, int limit) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> params = new ArrayList<>();
        if (service != null) {
            where.append(" and service = ?");
            params.add(service);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        return load(where.toString(), params, offset, limit, false);
    }

    /** The most recent deployment of a service that ended in {@code SUCCEEDED}. */
    public Optional<Deployment> lastSucceeded(String service) {
        return list(service, DeploymentStatus.SUCCEEDED, 1).stream().findFirst();
    }

    public Optional<IdempotentRequest> findIdempotencyKey(String key) {
        return jdbc.sql("select request_hash, deployment_id from idempotency_key where key = ?")
                .param(key)
                .query((rs, n) -> new IdempotentRequest(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** A stored idempotency key: the hash of the first request's body, and the deployment it created. */
    public record IdempotentRequest(String requestHash, UUID deploymentId) {}

    private List<Deployment> load(String where, List<Object> params, int limit, boolean withEvents) {
        return load(where, params, 0, limit, withEvents);
    }

    private List<Deployment> load(String where, List<Object> params, int offset, int limit, boolean withEvents) {
        List<Row> rows = jdbc.sql("select * from deployment " + where + " order by created_at desc limit " + limit
                        + " offset " + offset)
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        Map<UUID, List<AlarmReading>> alarms =
                group(jdbc.sql("select * from deployment_alarm where deployment_id in (:ids) order by name")
                        .param("ids", ids)
                        .query((rs, n) -> Map.entry(rs.getObject("deployment_id", UUID.class), alarm(rs)))
                        .list());
        Map<UUID, List<Phase>> phases =
                group(jdbc.sql("select * from deployment_phase where deployment_id in (:ids) order by idx")
                        .param("ids", ids)
                        .query((rs, n) -> Map.entry(rs.getObject("deployment_id", UUID.class), phase(rs)))
                        .list());
        Map<UUID, List<StoredLifecycleEvent>> lifecycle =
                group(jdbc.sql("select * from deployment_lifecycle_event where deployment_id in (:ids) order by idx")
                        .param("ids", ids)
                        .query((rs, n) -> Map.entry(
                                rs.getObject("deployment_id", UUID.class),
                                new StoredLifecycleEvent(rs.getBoolean("of_rollback"), lifecycle(rs))))
                        .list());
        Map<UUID, List<DeploymentEvent>> events = withEvents
                ? group(jdbc.sql("select * from deployment_event where deployment_id in (:ids) order by id")
                        .param("ids", ids)
                        .query((rs, n) -> Map.entry(rs.getObject("deployment_id", UUID.class), event(rs)))
                        .list())
                : Map.of();
        List<Deployment> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<StoredLifecycleEvent> lifecycleRows = lifecycle.getOrDefault(r.id, List.of());
            out.add(Deployment.restore(
                    r.id,
                    r.request,
                    r.createdAt,
                    r.version,
                    r.stored,
                    alarms.getOrDefault(r.id, List.of()),
                    phases.getOrDefault(r.id, List.of()),
                    StoredLifecycleEvent.of(lifecycleRows, false),
                    StoredLifecycleEvent.of(lifecycleRows, true),
                    events.getOrDefault(r.id, List.of()),
                    withEvents));
        }
        return out;
    }

    private static <T> Map<UUID, List<T>> group(List<Map.Entry<UUID, T>> entries) {
        Map<UUID, List<T>> map = new HashMap<>();
        entries.forEach(
                e -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return map;
    }

    private record Row(UUID id, ReleaseRequest request, Instant createdAt, long version, Deployment.Stored stored) {}

    /** A row of deployment_lifecycle_event: an event of the release's own CodeDeploy deployment or of its rollback. */
    private record StoredLifecycleEvent(boolean ofRollback, LifecycleEvent event) {

        /** The events of one of the two, in CodeDeploy's order (the rows come ordered by index). */
        static List<LifecycleEvent> of(List<StoredLifecycleEvent> rows, boolean ofRollback) {
            return rows.stream()
                    .filter(r -> r.ofRollback == ofRollback)
                    .map(StoredLifecycleEvent::event)
                    .toList();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        ReleaseRequest request = new ReleaseRequest(
                rs.getString("service"),
                ImageReference.parse(rs.getString("image")),
                rs.getString("environment"),
                rs.getString("description"),
                rs.getString("commit_sha"),
                rs.getString("run_url"),
                rs.getString("requested_by"));
        Deployment.Stored stored = new Deployment.Stored(
                DeploymentStatus.valueOf(rs.getString("status")),
                rs.getInt("traffic_percent"),
                rs.getString("task_definition_arn"),
                rs.getString("code_deploy_deployment_id"),
                rs.getString("rollback_deployment_id"),
                rs.getString("reason"),
                rs.getString("original_target_group"),
                rs.getString("replacement_target_group"),
                instant(rs, "create_requested_at"),
                StopState.valueOf(rs.getString("stop_state")),
                instant(rs, "stop_requested_at"),
                instant(rs, "stop_answered_at"),
                instant(rs, "alarm_changed_at"),
                instant(rs, "traffic_restored_at"),
                instant(rs, "inconclusive_since"),
                rs.getString("aws_problem"),
                instant(rs, "updated_at"),
                instant(rs, "finished_at"));
        return new Row(
                rs.getObject("id", UUID.class), request, instant(rs, "created_at"), rs.getLong("version"), stored);
    }

    private static AlarmReading alarm(ResultSet rs) throws SQLException {
        return new AlarmReading(
                rs.getString("name"),
                AlarmState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                instant(rs, "state_updated_at"));
    }

    private static Phase phase(ResultSet rs) throws SQLException {
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

    private static LifecycleEvent lifecycle(ResultSet rs) throws SQLException {
        return new LifecycleEvent(
                rs.getString("name"), rs.getString("status"), instant(rs, "start_time"), instant(rs, "end_time"));
    }

    private static DeploymentEvent event(ResultSet rs) throws SQLException {
        return new DeploymentEvent(instant(rs, "at"), EventType.named(rs.getString("type")), rs.getString("message"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

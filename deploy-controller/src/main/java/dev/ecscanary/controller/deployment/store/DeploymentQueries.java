package dev.ecscanary.controller.deployment.store;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.StoredDeployment;
import dev.ecscanary.controller.deployment.store.DeploymentRows.LifecycleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads deployments back, with their alarms, phases, lifecycle events and (when asked for) their events. */
@Repository
public class DeploymentQueries {

    private static final String IN_FLIGHT = "status in ('PENDING', 'IN_PROGRESS', 'ROLLING_BACK')";

    private final JdbcClient jdbc;
    private final SavedVersions savedVersions;

    public DeploymentQueries(JdbcClient jdbc, SavedVersions savedVersions) {
        this.jdbc = jdbc;
        this.savedVersions = savedVersions;
    }

    public Optional<Deployment> find(UUID id) {
        return load("id = :id", Map.of("id", id), 0, 1, true).stream().findFirst();
    }

    /**
     * The deployment as stored now: {@code known} itself when nobody has saved it since it was read (known from this
     * process's own saves, else by one query instead of a full read), else a fresh read with its history; empty when
     * it is gone.
     */
    public Optional<Deployment> current(Deployment known) {
        Optional<Long> version = savedVersions.of(known.id());
        if (version.isEmpty()) {
            version = jdbc.sql("select version from deployment where id = :id")
                    .param("id", known.id())
                    .query(Long.class)
                    .optional();
            if (version.isEmpty()) {
                return Optional.empty();
            }
        }
        return version.get() == known.version() ? Optional.of(known) : find(known.id());
    }

    /** The service's release in flight, if any, without its history. */
    public Optional<Deployment> findInFlight(String service) {
        return load("service = :service and " + IN_FLIGHT, Map.of("service", service), 0, 1, false).stream()
                .findFirst();
    }

    /** The service's release in flight, if any, with its history. */
    public Optional<Deployment> findInFlightWithHistory(String service) {
        return load("service = :service and " + IN_FLIGHT, Map.of("service", service), 0, 1, true).stream()
                .findFirst();
    }

    /** Every deployment not yet finished, with its history: what is saved of them is handed on to live views as is. */
    public List<Deployment> allInFlight() {
        return load(IN_FLIGHT, Map.of(), 0, Integer.MAX_VALUE, true);
    }

    /** Newest first, optionally of one service and one status; the {@code offset} newest are skipped. */
    public List<Deployment> list(String service, DeploymentStatus status, int offset, int limit) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (service != null) {
            where.append(" and service = :service");
            params.put("service", service);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        return load(where.toString(), params, offset, limit, false);
    }

    /** The image of the service's most recent release that ended in {@code SUCCEEDED}: one indexed row. */
    public Optional<String> lastSucceededImage(String service) {
        return jdbc.sql("""
                        select image from deployment where service = :service and status = 'SUCCEEDED'
                        order by created_at desc limit 1""").param("service", service).query(String.class).optional();
    }

    public Optional<IdempotentRequest> findIdempotencyKey(String key) {
        return jdbc.sql("select request_hash, deployment_id from idempotency_key where key = :key")
                .param("key", key)
                .query((rs, n) ->
                        new IdempotentRequest(rs.getString("request_hash"), rs.getObject("deployment_id", UUID.class)))
                .optional();
    }

    /** A stored idempotency key: the hash of the first request's body, and the deployment it created. */
    public record IdempotentRequest(String requestHash, UUID deploymentId) {}

    private List<Deployment> load(String where, Map<String, ?> params, int offset, int limit, boolean withEvents) {
        Map<UUID, StoredDeployment> rows = new LinkedHashMap<>();
        jdbc.sql("select * from deployment where " + where + " order by created_at desc limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(DeploymentRows::deployment)
                .list()
                .forEach(row -> rows.put(row.id(), row));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(rows.keySet());
        var alarms = children("deployment_alarm", "name", ids, DeploymentRows::alarm);
        var phases = children("deployment_phase", "idx", ids, DeploymentRows::phase);
        var lifecycle = children("deployment_lifecycle_event", "idx", ids, DeploymentRows::lifecycle);
        var events = withEvents
                ? children("deployment_event", "id", ids, DeploymentRows::event)
                : Map.<UUID, List<DeploymentEvent>>of();
        List<Deployment> out = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> {
            List<LifecycleRow> lifecycleRows = lifecycle.getOrDefault(id, List.of());
            out.add(row.observations(
                            alarms.getOrDefault(id, List.of()),
                            phases.getOrDefault(id, List.of()),
                            LifecycleRow.of(lifecycleRows, false),
                            LifecycleRow.of(lifecycleRows, true))
                    .events(events.getOrDefault(id, List.of()))
                    .restored(withEvents));
        });
        return out;
    }

    /** The rows of a table under the given deployments, in {@code order}, by deployment. */
    private <T> Map<UUID, List<T>> children(String table, String order, List<UUID> ids, RowMapper<T> mapper) {
        Map<UUID, List<T>> byDeployment = new HashMap<>();
        jdbc.sql("select * from " + table + " where deployment_id in (:ids) order by " + order)
                .param("ids", ids)
                .query(rs -> {
                    List<T> rowsOfOne = byDeployment.computeIfAbsent(DeploymentRows.owner(rs), k -> new ArrayList<>());
                    rowsOfOne.add(mapper.mapRow(rs, rowsOfOne.size()));
                });
        return byDeployment;
    }
}

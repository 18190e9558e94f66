package dev.ecscanary.controller.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only audit trail ({@code audit_entry}; the database refuses updates and deletes). It has no method that
 * changes or removes an entry, and the API serves it read-only.
 */
@Service
public class AuditTrail implements AuditReader {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEntry e) {
        jdbc.sql("""
                insert into audit_entry (at, caller, subject, repository, workflow_run, token_name, action, service,
                    deployment_id, outcome, http_status, reason, remote_address, user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(e.at()),
                        e.caller(),
                        e.subject(),
                        e.repository(),
                        e.workflowRun(),
                        e.tokenName(),
                        e.action(),
                        e.service(),
                        e.deploymentId(),
                        e.outcome(),
                        e.httpStatus(),
                        e.reason(),
                        e.remoteAddress(),
                        e.userAgent())
                .update();
    }

    /** Everything done to one deployment, and every refused attempt on it, oldest first. */
    public List<AuditEntry> forDeployment(UUID deploymentId) {
        return jdbc.sql("select * from audit_entry where deployment_id = ? order by id")
                .param(deploymentId)
                .query(AuditTrail::map)
                .list();
    }

    @Override
    public List<AuditEntry> latestForDeployment(UUID deploymentId, int limit) {
        return jdbc.sql("""
                        select * from (select * from audit_entry where deployment_id = ? order by id desc limit ?) newest
                        order by id""").params(deploymentId, limit).query(AuditTrail::map).list();
    }

    /** The newest entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("select * from audit_entry order by id desc limit ?")
                .param(limit)
                .query(AuditTrail::map)
                .list();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("caller"),
                rs.getString("subject"),
                rs.getString("repository"),
                rs.getString("workflow_run"),
                rs.getString("token_name"),
                rs.getString("action"),
                rs.getString("service"),
                rs.getObject("deployment_id", UUID.class),
                rs.getString("outcome"),
                rs.getInt("http_status"),
                rs.getString("reason"),
                rs.getString("remote_address"),
                rs.getString("user_agent"));
    }
}

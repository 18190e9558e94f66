package dev.ecscanary.demo.health;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the database a trivial question, bounded in time so that a load balancer's health check gets an
 * answer well within its own timeout even when the database hangs. (Borrowing a connection is bounded by
 * the pool's connection timeout.)
 */
@Component
class DatabaseProbe {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;

    DatabaseProbe(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) QUERY_TIMEOUT.toSeconds());
    }

    DatabaseState check() {
        long started = System.nanoTime();
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return DatabaseState.up(Math.round((System.nanoTime() - started) / 10_000.0) / 100.0);
        } catch (DataAccessException e) {
            return DatabaseState.down(e.getMostSpecificCause().getMessage());
        }
    }
}

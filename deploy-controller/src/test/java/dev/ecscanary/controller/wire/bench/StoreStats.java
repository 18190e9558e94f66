package dev.ecscanary.controller.wire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What the controller asks of its embedded PostgreSQL, read from PostgreSQL's own statistics: deployment rows
 * updated (one per save) and transactions committed. Found through the data directory's postmaster.pid.
 */
final class StoreStats {

    record Reading(long saves, long transactions) {

        Reading minus(Reading earlier) {
            return new Reading(saves - earlier.saves, transactions - earlier.transactions);
        }
    }

    private final Path dataDir;

    StoreStats(Path dataDir) {
        this.dataDir = dataDir;
    }

    Reading read() {
        try {
            // postmaster.pid: pid, data directory, start time, port, ...
            String port =
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();
            try (Connection db = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
                    Statement sql = db.createStatement()) {
                sql.execute("select pg_stat_clear_snapshot()");
                long saves = single(
                        sql,
                        "select coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables where relname = 'deployment'");
                long transactions = single(sql, "select xact_commit from pg_stat_database where datname = 'postgres'");
                return new Reading(saves, transactions);
            }
        } catch (Exception e) {
            DetectionBench.log("store statistics unavailable: " + e);
            return new Reading(0, 0);
        }
    }

    private static long single(Statement sql, String query) throws java.sql.SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.ecscanary.localaws.rehearsal;

import dev.ecscanary.localaws.process.ChildProcesses;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The rehearsal's one PostgreSQL, with a {@code tasks} database for the demo app and a {@code controller} one. */
public final class SharedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private SharedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SharedDatabase start(Path dataDir, ChildProcesses children) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .start();
        registerPostmaster(dataDir, children);
        SharedDatabase database = new SharedDatabase(postgres);
        database.create("tasks");
        database.create("controller");
        return database;
    }

    /** So that the watchdog also stops PostgreSQL when this JVM is killed. */
    private static void registerPostmaster(Path dataDir, ChildProcesses children) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            children.register(
                    Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()));
        }
    }

    private void create(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** The JDBC URL with credentials, as the demo app takes it in DATABASE_URL. */
    public String jdbcUrlWithCredentials(String database) {
        return jdbcUrl(database) + "?user=" + USER + "&password=" + PASSWORD;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

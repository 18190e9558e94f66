package dev.ecscanary.demo.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the embedded binaries, keeping its data in a directory that survives
 * restarts (it is never cleaned). Free of Spring, so that other tools (the local rehearsal) can reuse it.
 *
 * <p>The first start picks a free port, later {@link #restart() restarts} reuse it so that connection URLs
 * handed out stay valid.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser of the embedded cluster; it logs in without a password over loopback. */
    public static final String USERNAME = "postgres";

    private static final String DATABASE = "postgres";

    private final Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.port = port;
    }

    /** Starts a server on a free port, creating the cluster in {@code dataDirectory} if it holds none yet. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** Starts a server on {@code port} (0 for a free one) over the cluster in {@code dataDirectory}. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, port);
        server.restart();
        return server;
    }

    /** Starts the server again after {@link #stop()}, on the same port and data; does nothing if it runs. */
    public synchronized void restart() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Spring (or the caller) stops the server after in-flight requests are done; a JVM hook
                    // of its own would stop it under them during a graceful shutdown.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // Generous: a busy machine (several instances starting at once) can be slow to start it.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (IllegalStateException e) {
            // The lock on the data directory is held by another process ("could not lock") or in this JVM.
            if (e instanceof OverlappingFileLockException
                    || String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new IllegalStateException(
                        "The PostgreSQL data directory " + dataDirectory + " is in use by another"
                                + " server. Give each process its own data directory, or let them share one server through"
                                + " DATABASE_URL.",
                        e);
            }
            throw e;
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended); its data stays in the data directory. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL in " + dataDirectory, e);
        } finally {
            postgres = null;
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public synchronized String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        stop();
    }
}

package dev.ecscanary.demo.support;

import dev.ecscanary.demo.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** One real PostgreSQL for the whole test run, started on first use and removed when the JVM exits. */
public final class SharedPostgres {

    private static EmbeddedPostgresServer server;

    private SharedPostgres() {}

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path dataDirectory = Files.createTempDirectory("demo-app-test-pg");
                server = EmbeddedPostgresServer.start(dataDirectory);
                EmbeddedPostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.stop();
                    FileSystemUtils.deleteRecursively(dataDirectory.toFile());
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public static String jdbcUrl() {
        return server().jdbcUrl();
    }
}

package dev.ecscanary.demo.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.database.EmbeddedPostgresServer;
import dev.ecscanary.demo.support.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The zero-set-up default (no database configured: embedded PostgreSQL over a data directory), and what the
 * load balancer sees when that database goes away and comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "DATABASE_URL=")
@DirtiesContext
class DatabaseOutageTest {

    private static final Path DATA_DIRECTORY = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgresServer database;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("DEMO_DATA_DIR", DATA_DIRECTORY::toString);
    }

    @Test
    void healthTurns503WhileTheDatabaseIsAwayAndRecoversWithTheDataKept() {
        Http http = new Http(port);
        assertThat(database.dataDirectory()).isEqualTo(DATA_DIRECTORY.toAbsolutePath());
        long id = http.post("/api/tasks", "{\"title\":\"survives a database restart\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(http.get("/health").status()).isEqualTo(200);

        database.stop();
        try {
            Instant asked = Instant.now();
            Http.Response down = http.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(down.json().get("database").get("status").asString()).isEqualTo("DOWN");
            assertThat(down.json().get("database").get("error").asString()).isNotBlank();
            assertThat(down.header("X-App-Version")).isNotBlank();
            assertThat(http.get("/health").status())
                    .as("still down on the next check")
                    .isEqualTo(503);

            Http.Response apiDuringOutage = http.get("/api/tasks/" + id);
            assertThat(apiDuringOutage.status()).isEqualTo(503);
            assertThat(apiDuringOutage.contentType()).isEqualTo("application/problem+json");
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            database.restart();
        }

        assertThat(awaitHealthy(http, Duration.ofSeconds(30))).isEqualTo(200);
        assertThat(http.get("/api/tasks/" + id).json().get("title").asString())
                .isEqualTo("survives a database restart");
    }

    private static int awaitHealthy(Http http, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int status = http.get("/health").status();
        while (status != 200 && Instant.now().isBefore(deadline)) {
            sleep(200);
            status = http.get("/health").status();
        }
        return status;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path parent = Files.createTempDirectory("demo-app-outage-test");
            // Removed at exit, once @DirtiesContext has closed the context and stopped its PostgreSQL.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(parent.toFile())));
            return parent.resolve("pg");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.ecscanary.demo.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real port against the shared real PostgreSQL (given as {@code DATABASE_URL}, in its
 * postgres:// form). Subclasses share one Spring context; each test starts from an empty tasks table.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_VERSION=" + ApiTest.VERSION, "APP_IMAGE=" + ApiTest.IMAGE})
public abstract class ApiTest {

    public static final String VERSION = "9.9.9-test";
    public static final String IMAGE = "registry.example/demo-app:9.9.9-test";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add(
                "DATABASE_URL",
                () -> "postgres://postgres@localhost:" + SharedPostgres.server().port() + "/postgres");
    }

    @BeforeEach
    void emptyTasksTable() {
        http = new Http(port);
        jdbc.sql("TRUNCATE tasks RESTART IDENTITY").update();
    }

    protected long taskCount() {
        return jdbc.sql("SELECT count(*) FROM tasks").query(Long.class).single();
    }

    protected long createTask(String title, boolean completed) {
        Http.Response created =
                http.post("/api/tasks", "{\"title\":\"" + title + "\",\"completed\":" + completed + "}");
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create a task: " + created.status() + " " + created.body());
        }
        return created.json().get("id").asLong();
    }
}

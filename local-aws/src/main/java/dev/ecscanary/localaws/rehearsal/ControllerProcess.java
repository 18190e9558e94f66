package dev.ecscanary.localaws.rehearsal;

import dev.ecscanary.localaws.process.ChildProcesses;
import dev.ecscanary.localaws.process.Niceness;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The unchanged deploy controller as a separate JVM, talking to the local AWS through its endpoint override
 * with the real SDK clients, and keeping its records in the rehearsal's PostgreSQL.
 */
public final class ControllerProcess implements AutoCloseable {

    private final ChildProcesses children;
    private final Path jar;
    private final Path javaBin;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    public ControllerProcess(
            ChildProcesses children,
            Path jar,
            Path javaBin,
            int port,
            String awsEndpoint,
            SharedDatabase database,
            double timeScale) {
        this.children = children;
        this.jar = jar;
        this.javaBin = javaBin;
        this.port = port;
        this.environment = Map.of(
                "CONTROLLER_AWS_ENDPOINT",
                awsEndpoint,
                "AWS_ACCESS_KEY_ID",
                "rehearsal",
                "AWS_SECRET_ACCESS_KEY",
                "rehearsal",
                "AWS_REGION",
                "eu-central-1",
                "SPRING_PROFILES_ACTIVE",
                "rehearsal",
                "SPRING_DATASOURCE_URL",
                database.jdbcUrl("controller"),
                "SPRING_DATASOURCE_USERNAME",
                SharedDatabase.USER,
                "SPRING_DATASOURCE_PASSWORD",
                SharedDatabase.PASSWORD,
                "PORT",
                String.valueOf(port),
                "REHEARSAL_TIME_SCALE",
                String.valueOf(timeScale));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the controller and waits until its health endpoint says UP. */
    public void start(Duration timeout) throws InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "The controller is not built: " + jar + " is missing (./mvnw -B -DskipTests package)");
        }
        process = children.launch(
                "deploy-controller",
                Niceness.starting(List.of(
                        javaBin.toString(),
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-XX:ActiveProcessorCount=1",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())),
                environment,
                new File("."));
        Instant deadline = Instant.now().plus(timeout);
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The controller exited with code " + process.exitValue() + "; see "
                            + children.logFile("deploy-controller"));
                }
                if (up(client)) {
                    Niceness.serving(process.pid());
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("The controller did not report UP within " + timeout + "; see "
                + children.logFile("deploy-controller"));
    }

    private boolean up(HttpClient client) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Kills the controller at once, as a crash or a lost machine would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            children.stop(process, Duration.ofSeconds(5));
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            children.stop(process, Duration.ofSeconds(15));
            process = null;
        }
    }
}

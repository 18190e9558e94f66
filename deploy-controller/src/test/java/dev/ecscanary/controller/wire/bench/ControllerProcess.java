package dev.ecscanary.controller.wire.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controller as it ships: {@code java -jar deploy-controller.jar} in a child JVM with a capped heap, its AWS
 * endpoint pointed at the stand-in, talked to over its REST API and actuator.
 */
final class ControllerProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ControllerProcess(Process process, int port) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * @param arguments Spring Boot arguments ({@code --name=value}) on top of the port, heap and AWS settings
     */
    static ControllerProcess start(
            Path jar, String heap, List<String> javaOptions, String awsEndpoint, Path log, List<String> arguments)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(javaOptions);
        command.addAll(
                List.of("-jar", jar.toString(), "--server.port=" + port, "--controller.aws.endpoint=" + awsEndpoint));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
        builder.environment().put("AWS_REGION", "eu-central-1");
        builder.environment().put("CONTROLLER_LOG_FORMAT", "");
        Process process = builder.start();
        // if the benchmark is stopped (Ctrl-C, timeout), the controller and its PostgreSQL must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-controller"));
        return new ControllerProcess(process, port);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the controller exited with " + process.exitValue() + " while starting");
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the controller was not healthy within " + timeout);
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + BenchSettings.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + BenchSettings.TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One statistic of an actuator metric, e.g. {@code metric("controller.reconciler.tick", "COUNT")}.
     *
     * @param tag optional {@code name:value}
     * @return NaN when the metric or statistic is not there
     */
    double metric(String name, String statistic, String tag) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        if (response.statusCode() != 200) {
            return Double.NaN;
        }
        for (JsonNode measurement :
                JSON.readTree(response.body()).path("measurements").values()) {
            if (statistic.equals(measurement.path("statistic").asString(""))) {
                return measurement.path("value").asDouble();
            }
        }
        return Double.NaN;
    }

    /**
     * A sample of the Prometheus scrape, e.g. {@code controller_reconciler_tick_seconds} with {@code quantile="0.99"}:
     * percentiles a Prometheus registry keeps for itself instead of publishing them as meters.
     *
     * @return NaN when there is no such sample
     */
    double prometheus(String sample, String label) throws IOException, InterruptedException {
        for (String line : get("/actuator/prometheus").body().lines().toList()) {
            if (line.startsWith(sample + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: Spring closes the context, which stops the embedded PostgreSQL
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.ecscanary.localaws.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecscanary.localaws.ecs.TaskLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small stand-in for a demo-app process, for tests of the local AWS alone: {@code /health} answers 200,
 * {@code /api/...} answers 200 with {@code X-App-Version}, or 500 for a FAULT_RATE share of requests.
 * The end-to-end tests run the real demo-app jar instead.
 */
final class InJvmTask implements TaskLauncher.RunningTask {

    private final HttpServer server;
    private final String version;
    private final double faultRate;
    private volatile boolean alive = true;

    InJvmTask(int port, Map<String, String> environment) {
        this.version = environment.getOrDefault("APP_VERSION", "unknown");
        this.faultRate = Double.parseDouble(environment.getOrDefault("FAULT_RATE", "0"));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            boolean api = exchange.getRequestURI().getPath().startsWith("/api/");
            int status = api && ThreadLocalRandom.current().nextDouble() < faultRate ? 500 : 200;
            byte[] body = ("{\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-App-Version", version);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public void stop() {
        alive = false;
        server.stop(0);
    }
}

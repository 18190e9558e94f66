package dev.ecscanary.infracheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The deploy controller's API as scripts/deploy sees it, answering one release that lasts a given time. */
final class StandIns {

    private StandIns() {}

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * POST /api/deployments starts release d-1 (or answers {@code refusal} when set); GET /api/deployments/d-1
     * answers IN_PROGRESS until {@code duration} after the start, then SUCCEEDED. A bearer token that {@code
     * accepts} refuses gets a 401 problem.
     */
    static final class Controller implements AutoCloseable {

        private final HttpServer server;
        private final Duration duration;
        private final Predicate<String> accepts;
        private final AtomicReference<Instant> started = new AtomicReference<>();
        private final AtomicInteger refusedTokens = new AtomicInteger();
        private volatile int refusalStatus;
        private volatile String refusal;

        Controller(Duration duration, Predicate<String> accepts) throws IOException {
            this.duration = duration;
            this.accepts = accepts;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/deployments", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void refuseWith(int status, String detail) {
            refusalStatus = status;
            refusal = "{\"type\":\"about:blank\",\"title\":\"Release refused\",\"status\":%d,\"detail\":\"%s\"}"
                    .formatted(status, detail);
        }

        int refusedTokens() {
            return refusedTokens.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null
                    || !authorization.startsWith("Bearer ")
                    || !accepts.test(authorization.substring("Bearer ".length()))) {
                refusedTokens.incrementAndGet();
                json(exchange, 401, "{\"title\":\"Authentication required\",\"status\":401,\"detail\":\"expired\"}");
                return;
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                exchange.getRequestBody().readAllBytes();
                if (refusal != null) {
                    json(exchange, refusalStatus, refusal);
                    return;
                }
                started.compareAndSet(null, Instant.now());
                json(exchange, 202, deployment("PENDING"));
            } else {
                boolean done = Instant.now().isAfter(started.get().plus(duration));
                json(exchange, 200, deployment(done ? "SUCCEEDED" : "IN_PROGRESS"));
            }
        }

        private static String deployment(String status) {
            return "{\"id\":\"d-1\",\"service\":\"demo-app\",\"status\":\"%s\",\"trafficPercent\":%d,\"phases\":[],\"events\":[]}"
                    .formatted(status, "SUCCEEDED".equals(status) ? 100 : 0);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

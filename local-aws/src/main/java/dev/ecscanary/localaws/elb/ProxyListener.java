package dev.ecscanary.localaws.elb;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ALB stand-in for one listener: each request goes to a target group picked by the listener's current
 * weights, then to one of its targets, over pooled keep-alive connections. Weights are read per request, so a
 * weight change never breaks a request already under way.
 */
public final class ProxyListener implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "date");

    private final Listener listener;
    private final AlbMetrics metrics;
    private final HttpClient client;
    private HttpServer server;

    public ProxyListener(Listener listener, AlbMetrics metrics, HttpClient client) {
        this.listener = listener;
        this.metrics = metrics;
        this.client = client;
    }

    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        listener.bindLocalPort(server.getAddress().getPort());
        return listener.localPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant arrival = Instant.now();
            byte[] body = exchange.getRequestBody().readAllBytes();
            TargetGroup group = listener.pick(ThreadLocalRandom.current().nextDouble());
            Target target = group == null ? null : group.choose().orElse(null);
            if (target == null) {
                metrics.elbError(arrival, null);
                sendElbError(exchange, 503, "Service Unavailable");
                return;
            }
            forward(exchange, body, group, target, arrival);
        }
    }

    private void forward(HttpExchange exchange, byte[] body, TargetGroup group, Target target, Instant arrival)
            throws IOException {
        target.inFlight().incrementAndGet();
        HttpResponse<byte[]> response;
        long sent = System.nanoTime();
        try {
            response = client.send(toTarget(exchange, body, target), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            metrics.elbError(arrival, group);
            sendElbError(exchange, 502, "Bad Gateway");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            target.inFlight().decrementAndGet();
        }
        metrics.targetResponse(arrival, group, response.statusCode(), (System.nanoTime() - sent) / 1e9);
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        byte[] payload = response.body();
        boolean noBody = payload.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : payload.length);
        if (!noBody) {
            exchange.getResponseBody().write(payload);
        }
    }

    private HttpRequest toTarget(HttpExchange exchange, byte[] body, Target target) {
        URI uri = URI.create(
                "http://127.0.0.1:" + target.port() + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Proto", "http");
        request.header("X-Forwarded-Port", String.valueOf(listener.awsPort()));
        return request.build();
    }

    private static void sendElbError(HttpExchange exchange, int status, String reason) throws IOException {
        byte[] html = ("<html><head><title>" + status + " " + reason + "</title></head><body><center><h1>" + status
                        + " " + reason + "</h1></center></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.getResponseHeaders().set("Server", "awselb/2.0");
        exchange.sendResponseHeaders(status, html.length);
        exchange.getResponseBody().write(html);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package dev.ecscanary.infracheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitHub's OIDC token endpoint as a job sees it: {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=...} with
 * {@code Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN} answers {@code {"value": "<JWT>"}}. The tokens are
 * JWT-shaped with real {@code iat}/{@code exp} claims; their signature is not real (the stand-in controller checks
 * that it issued them and that they have not expired, which is what matters to the client).
 */
final class GitHubTokenEndpoint implements AutoCloseable {

    static final String REQUEST_TOKEN = "runner-request-token";

    private final HttpServer server;
    private final long lifetimeSeconds;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final List<String> audiences = new CopyOnWriteArrayList<>();

    GitHubTokenEndpoint(long lifetimeSeconds) throws IOException {
        this.lifetimeSeconds = lifetimeSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_apis/pipelines/workflows/42/idtoken", this::mint);
        server.start();
    }

    /** The variables GitHub sets in a job with {@code permissions: id-token: write}. */
    Map<String, String> jobEnvironment() {
        return Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL",
                "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/_apis/pipelines/workflows/42/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
                REQUEST_TOKEN);
    }

    boolean valid(String token) {
        Instant expiry = expiries.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    int issued() {
        return expiries.size();
    }

    List<String> audiences() {
        return audiences;
    }

    private void mint(HttpExchange exchange) throws IOException {
        if (!("bearer " + REQUEST_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            StandIns.json(exchange, 401, "{\"message\":\"Unauthorized\"}");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("audience=")) {
                audiences.add(URLDecoder.decode(pair.substring("audience=".length()), StandardCharsets.UTF_8));
            }
        }
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"https://token.actions.githubusercontent.com\",\"jti\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(UUID.randomUUID(), now, now + lifetimeSeconds);
        String token = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims) + ".c2lnbmF0dXJl";
        expiries.put(token, Instant.ofEpochSecond(now + lifetimeSeconds));
        StandIns.json(exchange, 200, "{\"value\":\"" + token + "\"}");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

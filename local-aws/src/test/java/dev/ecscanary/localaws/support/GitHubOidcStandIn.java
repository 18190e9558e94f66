package dev.ecscanary.localaws.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's OIDC side on loopback: the issuer's key set ({@code /.well-known/jwks}) and the token endpoint a job calls
 * ({@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=...} with {@code Authorization: bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN}, answering {@code {"value": "<JWT>"}}). Its tokens are real RS256 JWTs with
 * GitHub's claims for a job of {@code acme/shop} on {@code refs/heads/main}, living {@code lifetime} instead of
 * GitHub's five minutes. One token can be signed with a key the key set does not publish, as right after a rotation.
 */
public final class GitHubOidcStandIn implements AutoCloseable {

    public static final String REPOSITORY = "acme/shop";
    public static final String REF = "refs/heads/main";
    private static final String REQUEST_TOKEN = "runner-request-token";

    private final HttpServer server;
    private final Duration lifetime;
    private final KeyPair published = rsaKeyPair();
    private final KeyPair unpublished = rsaKeyPair();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int unpublishedTokenNumber = -1;

    public GitHubOidcStandIn(Duration lifetime) throws IOException {
        this.lifetime = lifetime;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks", e -> send(e, 200, jwks()));
        server.createContext("/_apis/pipelines/workflows/42/idtoken", this::mint);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The variables GitHub sets in a job with {@code permissions: id-token: write}. */
    public Map<String, String> jobEnvironment() {
        return Map.of(
                "ACTIONS_ID_TOKEN_REQUEST_URL",
                issuer() + "/_apis/pipelines/workflows/42/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
                REQUEST_TOKEN);
    }

    /** The {@code n}th token from now on (1 = the next) is signed with a key the key set does not publish. */
    public void signWithAnUnpublishedKey(int n) {
        unpublishedTokenNumber = issued.get() + n;
    }

    public int issued() {
        return issued.get();
    }

    private void mint(HttpExchange exchange) throws IOException {
        if (!("bearer " + REQUEST_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        String audience = audience(exchange.getRequestURI().getRawQuery());
        int number = issued.incrementAndGet();
        KeyPair key = number == unpublishedTokenNumber ? unpublished : published;
        send(exchange, 200, "{\"value\":\"" + sign(claims(audience), key) + "\"}");
    }

    private String claims(String audience) {
        long now = Instant.now().getEpochSecond();
        return ("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"repo:%s:ref:%s\",\"repository\":\"%s\",\"ref\":\"%s\","
                        + "\"workflow\":\"deploy\",\"run_id\":\"42\",\"run_attempt\":\"1\",\"jti\":\"%s\","
                        + "\"iat\":%d,\"nbf\":%d,\"exp\":%d}")
                .formatted(
                        issuer(),
                        audience,
                        REPOSITORY,
                        REF,
                        REPOSITORY,
                        REF,
                        UUID.randomUUID(),
                        now,
                        now,
                        now + lifetime.toSeconds());
    }

    private static String audience(String query) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("audience=")) {
                return URLDecoder.decode(pair.substring("audience=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String sign(String claims, KeyPair key) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId(key) + "\"}";
        String input =
                base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) published.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}]}"
                .formatted(keyId(published), unsigned(key.getModulus()), unsigned(key.getPublicExponent()));
    }

    private static String keyId(KeyPair key) {
        return Integer.toHexString(key.getPublic().hashCode());
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return base64(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

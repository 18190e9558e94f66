package dev.ecscanary.controller.security;

import static dev.ecscanary.controller.security.LoopbackHttp.answer;
import static dev.ecscanary.controller.security.LoopbackHttp.body;
import static dev.ecscanary.controller.security.LoopbackHttp.enc;
import static dev.ecscanary.controller.security.LoopbackHttp.form;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.util.HtmlUtils;

/**
 * A small OpenID Connect provider on loopback, enough for a real authorization-code sign-in: discovery, JWKS, an
 * authorization endpoint with a sign-in form (a person types a user name; PKCE is required, as modern providers do),
 * and a token endpoint that checks the client's secret, the one-time code, the redirect URI and the PKCE verifier,
 * then answers with an ID token signed by
 * its RSA key carrying the sign-in's nonce, the client id as audience and the user's groups. {@link #spoilNext}
 * makes the next ID token wrong in one way, as a broken or hostile provider would.
 */
final class StandInIdentityProvider {

    static final String CLIENT_ID = "deploy-controller";
    static final String CLIENT_SECRET = "stand-in-client-secret";

    /** One way the next ID token is wrong. */
    enum Spoil {
        NONE,
        WRONG_NONCE,
        WRONG_AUDIENCE,
        EXPIRED
    }

    private record Grant(String user, String nonce, String redirectUri, String codeChallenge) {}

    private static final StandInIdentityProvider INSTANCE = new StandInIdentityProvider(Map.of(
            "alice", List.of("staff", "release-engineers"),
            "bob", List.of("staff", "developers"),
            "carol", List.of("marketing")));

    private final Map<String, List<String>> groups;
    private final RSAKey key = JwksServer.newKey("stand-in-idp-1");
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicReference<Spoil> spoil = new AtomicReference<>(Spoil.NONE);
    private final HttpServer server;

    private StandInIdentityProvider(Map<String, List<String>> groups) {
        this.groups = groups;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", x -> answer(x, 200, "application/json", discovery()));
        server.createContext(
                "/jwks", x -> answer(x, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    static StandInIdentityProvider get() {
        return INSTANCE;
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next ID token this provider issues is wrong in this way; the ones after it are right again. */
    void spoilNext(Spoil how) {
        spoil.set(how);
    }

    private String discovery() {
        return """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "profile", "groups"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                 "grant_types_supported": ["authorization_code"], "code_challenge_methods_supported": ["S256"]}""".formatted(issuer());
    }

    /** GET shows the sign-in form (the request's parameters ride along hidden); POST signs the user in. */
    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> p = x.getRequestMethod().equals("POST")
                ? form(body(x))
                : form(x.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(p.get("client_id"))
                || !"code".equals(p.get("response_type"))
                || !isControllerCallback(p.get("redirect_uri"))
                || p.get("code_challenge") == null
                || !"S256".equals(p.get("code_challenge_method"))) {
            answer(x, 400, "text/plain", "unknown client, response type or redirect URI, or no PKCE challenge");
            return;
        }
        if (x.getRequestMethod().equals("GET")) {
            answer(x, 200, "text/html; charset=utf-8", signInForm(p));
            return;
        }
        if (!groups.containsKey(p.get("username"))) {
            answer(
                    x,
                    200,
                    "text/html; charset=utf-8",
                    signInForm(p).replace("<form", "<p id=error>Unknown user</p><form"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(p.get("username"), p.get("nonce"), p.get("redirect_uri"), p.get("code_challenge")));
        x.getResponseHeaders()
                .add("Location", p.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(p.get("state")));
        answer(x, 302, "text/plain", "");
    }

    private static String signInForm(Map<String, String> p) {
        StringBuilder hidden = new StringBuilder();
        p.forEach((name, value) -> {
            if (!name.equals("username")) {
                hidden.append("<input type=hidden name=\"")
                        .append(HtmlUtils.htmlEscape(name))
                        .append("\" value=\"")
                        .append(HtmlUtils.htmlEscape(value))
                        .append("\">");
            }
        });
        return "<!doctype html><title>Stand-in identity provider</title><h1>Sign in</h1><form method=post action=/authorize>"
                + hidden
                + "<input name=username id=username autofocus><button type=submit id=sign-in>Sign in</button></form>";
    }

    /** The code for an ID token: one use, the same redirect URI, the client's secret and the PKCE verifier. */
    private void token(HttpExchange x) throws IOException {
        Map<String, String> p = form(body(x));
        Grant grant = codes.remove(String.valueOf(p.get("code")));
        String expectedAuth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            answer(x, 401, "application/json", "{\"error\": \"invalid_client\"}");
        } else if (grant == null
                || !"authorization_code".equals(p.get("grant_type"))
                || !grant.redirectUri().equals(p.get("redirect_uri"))
                || !verifierMatches(grant, p.get("code_verifier"))) {
            answer(x, 400, "application/json", "{\"error\": \"invalid_grant\"}");
        } else {
            answer(x, 200, "application/json", """
                    {"access_token": "%s", "token_type": "Bearer", "expires_in": 300, "scope": "openid profile groups",
                     "id_token": "%s"}""".formatted(
                            UUID.randomUUID(), idToken(grant, spoil.getAndSet(Spoil.NONE))));
        }
    }

    private String idToken(Grant grant, Spoil how) {
        Instant now = Instant.now();
        Instant expires = how == Spoil.EXPIRED ? now.minus(Duration.ofMinutes(10)) : now.plus(Duration.ofMinutes(5));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("stand-in|" + grant.user())
                .audience(how == Spoil.WRONG_AUDIENCE ? "some-other-client" : CLIENT_ID)
                .issueTime(Date.from(how == Spoil.EXPIRED ? now.minus(Duration.ofMinutes(15)) : now))
                .expirationTime(Date.from(expires))
                .claim("nonce", how == Spoil.WRONG_NONCE ? "a-nonce-from-another-sign-in" : grant.nonce())
                .claim("preferred_username", grant.user())
                .claim("groups", groups.get(grant.user()))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifierMatches(Grant grant, String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isControllerCallback(String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        URI uri = URI.create(redirectUri);
        return ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
                && "/login/oauth2/code/corp".equals(uri.getPath());
    }
}

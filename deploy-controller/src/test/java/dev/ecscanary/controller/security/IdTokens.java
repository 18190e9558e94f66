package dev.ecscanary.controller.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** GitHub Actions-shaped ID tokens for tests: valid by default, each {@code with...} spoils or changes one thing. */
final class IdTokens {

    static final String ISSUER = "https://token.actions.githubusercontent.com";
    static final String AUDIENCE = "ecs-canary-test";

    private JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject("repo:acme/shop:ref:refs/heads/main")
            .claim("repository", "acme/shop")
            .claim("ref", "refs/heads/main")
            .claim("workflow", "deploy")
            .claim("run_id", "4242")
            .claim("run_attempt", "1")
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .notBeforeTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));

    static IdTokens valid() {
        return new IdTokens();
    }

    IdTokens claim(String name, Object value) {
        claims.claim(name, value);
        return this;
    }

    IdTokens expiredMinutesAgo(int minutes) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(minutes + 10));
        claims.issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(minutes))));
        return this;
    }

    IdTokens notBeforeInMinutes(int minutes) {
        claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(minutes))));
        return this;
    }

    IdTokens audience(String audience) {
        claims.audience(audience);
        return this;
    }

    IdTokens issuer(String issuer) {
        claims.issuer(issuer);
        return this;
    }

    String signedWith(RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String signed() {
        return signedWith(JwksServer.get().signingKey());
    }

    /** {@code alg: none}: no signature at all. */
    String unsigned() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + base64(claims.build().toString()) + ".";
    }

    /** HS256 keyed with the issuer's public key: the classic algorithm-confusion forgery. */
    String hmacWithPublicKey() {
        try {
            byte[] secret =
                    JwksServer.get().signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(JwksServer.get().signingKey().getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload is then changed: the signature no longer matches. */
    String tamperedRepository(String repository) {
        String[] parts = signed().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("acme/shop", repository);
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

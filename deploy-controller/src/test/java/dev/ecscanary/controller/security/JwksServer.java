package dev.ecscanary.controller.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * The issuer's JWKS, served by WireMock on loopback for the whole test run; tests sign ID tokens with its keys, or
 * with keys it does not publish (yet).
 */
final class JwksServer {

    private static final JwksServer INSTANCE = new JwksServer();

    private final WireMockServer server = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private final RSAKey signingKey = newKey("published-1");
    private final List<RSAKey> published = new ArrayList<>(List.of(signingKey));

    private JwksServer() {
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        serve();
    }

    static JwksServer get() {
        return INSTANCE;
    }

    int port() {
        return server.port();
    }

    RSAKey signingKey() {
        return signingKey;
    }

    /** Publishes one more key, as an issuer does when it rotates. */
    synchronized void publish(RSAKey key) {
        published.add(key);
        serve();
    }

    int fetches() {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo("/jwks")).build())
                .getCount();
    }

    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        String jwks = new JWKSet(published.stream()
                        .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                        .toList())
                .toString();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/jwks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(jwks)));
    }
}

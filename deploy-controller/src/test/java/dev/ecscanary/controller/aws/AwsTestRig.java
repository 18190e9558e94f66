package dev.ecscanary.controller.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The production client set-up ({@link AwsClientFactory}, {@link AwsCallGuard}) pointed at a WireMock server on
 * loopback, with timeouts, backoff and the circuit breaker window shrunk so failure tests stay fast.
 */
public final class AwsTestRig {

    /** Generous, so that a cold JVM on a busy machine never times out where a test expects an answer. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /** For the hung-AWS scenario, where every attempt is meant to time out. */
    public static final Duration SHORT_ATTEMPT_TIMEOUT = Duration.ofMillis(500);

    public static final int MAX_ATTEMPTS = 3;
    /** Calls the circuit breaker needs before it judges the failure rate. */
    public static final int BREAKER_WINDOW = 4;

    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final AwsProperties properties;
    public final AwsCallGuard guard;
    public final AwsClientFactory clients;

    public AwsTestRig(WireMockServer server) {
        this(server, ATTEMPT_TIMEOUT);
    }

    public AwsTestRig(WireMockServer server, Duration attemptTimeout) {
        this.properties = properties(URI.create("http://127.0.0.1:" + server.port()), attemptTimeout);
        this.guard = new AwsCallGuard(properties.circuitBreaker(), meters);
        this.clients = new AwsClientFactory(
                properties,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG")),
                meters);
    }

    public static WireMockServer startServer() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    static AwsProperties properties(URI endpoint, Duration attemptTimeout) {
        return new AwsProperties(
                "eu-central-1",
                endpoint,
                new AwsProperties.ServiceEndpoints(null, null, null, null),
                attemptTimeout.multipliedBy(MAX_ATTEMPTS + 1).plusSeconds(1),
                attemptTimeout,
                MAX_ATTEMPTS,
                Duration.ofMillis(5),
                Duration.ofMillis(5),
                20,
                Duration.ofMillis(500),
                new AwsProperties.CircuitBreakerSettings(50, BREAKER_WINDOW, BREAKER_WINDOW, Duration.ofMinutes(1), 1));
    }
}

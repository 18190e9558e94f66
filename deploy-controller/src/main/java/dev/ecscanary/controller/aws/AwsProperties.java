package dev.ecscanary.controller.aws;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the controller reaches AWS. Credentials always come from the SDK's default chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profile, container or instance role).
 *
 * @param region                 the AWS region; default: env AWS_REGION (or system property aws.region), else eu-central-1
 * @param endpoint               one endpoint for all four services, e.g. the rehearsal's local AWS
 *                               (env CONTROLLER_AWS_ENDPOINT); default none: the regional AWS endpoints
 * @param endpoints              per-service endpoint overrides, each winning over {@code endpoint}; default none
 * @param apiCallTimeout         the whole call, retries and backoff included; default 10s
 * @param apiCallAttemptTimeout  one HTTP attempt; default 3s
 * @param maxAttempts            attempts per call, the first included, of the SDK's standard retry strategy
 *                               (throttling, 5xx and I/O errors are retried); default 3
 * @param retryBackoff           base delay of the SDK's exponential backoff with jitter for 5xx and I/O errors; default 100ms
 * @param throttlingBackoff      base delay of that backoff after a throttling error; default 1s
 * @param maxConnections         HTTP connections per service; must cover the reconciler's parallel calls; default 100
 * @param connectionTimeout      TCP connect timeout; default 2s
 * @param circuitBreaker         the circuit breaker every call to one service goes through
 */
@Validated
@ConfigurationProperties("controller.aws")
public record AwsProperties(
        String region,
        URI endpoint,
        @Valid @NotNull @DefaultValue ServiceEndpoints endpoints,
        @NotNull @DefaultValue("10s") Duration apiCallTimeout,
        @NotNull @DefaultValue("3s") Duration apiCallAttemptTimeout,
        @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
        @NotNull @DefaultValue("100ms") Duration retryBackoff,
        @NotNull @DefaultValue("1s") Duration throttlingBackoff,
        @Min(1) @Max(2000) @DefaultValue("100") int maxConnections,
        @NotNull @DefaultValue("2s") Duration connectionTimeout,
        @Valid @NotNull @DefaultValue CircuitBreakerSettings circuitBreaker) {

    /** The endpoint a service's client is pointed at, or null for AWS's own. */
    public URI endpointFor(AwsService service) {
        URI specific = switch (service) {
            case CODEDEPLOY -> endpoints.codedeploy();
            case ECS -> endpoints.ecs();
            case CLOUDWATCH -> endpoints.cloudwatch();
            case ELASTICLOADBALANCING -> endpoints.elasticloadbalancing();
        };
        return specific != null ? specific : endpoint;
    }

    /**
     * Per-service endpoint overrides ({@code controller.aws.endpoints.<service>}); each default none.
     *
     * @param codedeploy           CodeDeploy
     * @param ecs                  ECS
     * @param cloudwatch           CloudWatch
     * @param elasticloadbalancing ELBv2
     */
    public record ServiceEndpoints(URI codedeploy, URI ecs, URI cloudwatch, URI elasticloadbalancing) {}

    /**
     * One circuit breaker per service. Only unavailability counts as a failure (throttling after retries, 5xx,
     * timeouts, I/O errors), never a request AWS answered with a client error.
     *
     * @param failureRateThreshold   percent of failed calls in the window that opens the circuit; default 50
     * @param slidingWindowSize      calls the failure rate is computed over; default 20
     * @param minimumNumberOfCalls   calls needed before the rate is judged; default 10
     * @param waitDurationInOpenState how long an open circuit refuses calls before letting probes through; default 30s
     * @param permittedCallsInHalfOpenState probe calls while half open; default 3
     */
    public record CircuitBreakerSettings(
            @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindowSize,
            @Min(1) @DefaultValue("10") int minimumNumberOfCalls,
            @NotNull @DefaultValue("30s") Duration waitDurationInOpenState,
            @Min(1) @DefaultValue("3") int permittedCallsInHalfOpenState) {}
}

package dev.ecscanary.controller.aws;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every adapter call goes through here: one circuit breaker per AWS service, then one translation of SDK
 * failures into {@link AwsUnavailableException} or {@link AwsRequestRejectedException}. Retries are the SDK's
 * job (its standard retry strategy); this class never retries.
 */
public class AwsCallGuard {

    private final Map<AwsService, CircuitBreaker> breakers = new EnumMap<>(AwsService.class);
    private final MeterRegistry meters;

    public AwsCallGuard(AwsProperties.CircuitBreakerSettings settings, MeterRegistry meters) {
        this.meters = meters;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .recordException(AwsFailures::isUnavailable)
                .build();
        for (AwsService service : AwsService.values()) {
            CircuitBreaker breaker = CircuitBreaker.of(service.id(), config);
            breakers.put(service, breaker);
            registerStateGauges(service, breaker);
        }
    }

    /**
     * Runs one SDK call for {@code operation} (the AWS operation name, e.g. {@code GetDeployment}).
     *
     * @throws AwsUnavailableException     when AWS could not answer or the service's circuit is open
     * @throws AwsRequestRejectedException when AWS answered with a client error
     */
    public <T> T call(AwsService service, String operation, Supplier<T> call) {
        try {
            return breakers.get(service).executeSupplier(call);
        } catch (CallNotPermittedException open) {
            meters.counter("controller.aws.calls.refused", "service", service.id(), "operation", operation)
                    .increment();
            throw AwsFailures.translate(service, operation, open);
        } catch (SdkException failure) {
            throw AwsFailures.translate(service, operation, failure);
        }
    }

    public CircuitBreaker.State state(AwsService service) {
        return breakers.get(service).getState();
    }

    private void registerStateGauges(AwsService service, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("controller.aws.circuit.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the circuit breaker's current state, 0 for the others")
                    .tag("service", service.id())
                    .tag("state", state.name().toLowerCase())
                    .register(meters);
        }
    }
}

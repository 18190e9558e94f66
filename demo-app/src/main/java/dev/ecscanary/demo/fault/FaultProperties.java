package dev.ecscanary.demo.fault;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Faults injected into {@code /api/} requests to rehearse a bad release. Read once at start, from the
 * environment; there is deliberately no way to change them while running.
 *
 * @param rate      fraction of {@code /api/} requests answered with a 500, 0 to 1 ({@code FAULT_RATE}, default 0)
 * @param latencyMs milliseconds added to every {@code /api/} request ({@code FAULT_LATENCY_MS}, default 0)
 */
@ConfigurationProperties("fault")
public record FaultProperties(double rate, long latencyMs) {

    public FaultProperties {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("FAULT_RATE must be a fraction between 0 and 1, got " + rate);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("FAULT_LATENCY_MS must not be negative, got " + latencyMs);
        }
    }

    boolean enabled() {
        return rate > 0 || latencyMs > 0;
    }
}

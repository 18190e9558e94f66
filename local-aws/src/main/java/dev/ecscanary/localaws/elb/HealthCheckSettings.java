package dev.ecscanary.localaws.elb;

import java.time.Duration;

/**
 * A target group's health check, in AWS terms (seconds); the checker divides the interval by the time scale.
 *
 * @param path               the HTTP path probed; 200 means healthy (matcher "200")
 * @param intervalSeconds    AWS seconds between probes of one target
 * @param timeout            real time allowed for one probe (not scaled: a JVM answers in real time)
 * @param healthyThreshold   consecutive successes before a target turns healthy
 * @param unhealthyThreshold consecutive failures before a target turns unhealthy
 * @param deregistrationDelaySeconds AWS seconds a deregistered target drains before it is removed
 */
public record HealthCheckSettings(
        String path,
        int intervalSeconds,
        Duration timeout,
        int healthyThreshold,
        int unhealthyThreshold,
        int deregistrationDelaySeconds) {

    public static HealthCheckSettings of(dev.ecscanary.localaws.RehearsalNames names) {
        return new HealthCheckSettings(
                names.healthCheckPath(),
                names.healthCheckIntervalSeconds(),
                Duration.ofSeconds(names.healthCheckTimeoutSeconds()),
                names.healthyThreshold(),
                names.unhealthyThreshold(),
                names.deregistrationDelaySeconds());
    }
}

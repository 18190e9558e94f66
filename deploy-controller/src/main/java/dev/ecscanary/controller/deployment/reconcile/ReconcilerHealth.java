package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.config.ReconcilerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the safety net: DOWN when the reconciler has not completed a tick for five intervals (a stuck tick
 * means no alarm is being watched). Before the first tick it is UNKNOWN, not DOWN, so start-up is not flagged.
 */
@Component("reconcilerHealthIndicator")
class ReconcilerHealth implements HealthIndicator {

    private final Reconciler reconciler;
    private final ReconcilerProperties properties;
    private final Clock clock;

    ReconcilerHealth(Reconciler reconciler, ReconcilerProperties properties, Clock clock) {
        this.reconciler = reconciler;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant last = reconciler.lastTickCompleted();
        if (last == null) {
            return Health.unknown().withDetail("lastTick", "none yet").build();
        }
        Duration age = Duration.between(last, clock.instant());
        Health.Builder health = age.compareTo(properties.interval().multipliedBy(5)) > 0 ? Health.down() : Health.up();
        return health.withDetail("lastTick", last.toString())
                .withDetail("ageMillis", age.toMillis())
                .build();
    }
}

package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.config.ReconcilerProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ticks the reconciler at a fixed rate once the application runs (a slow tick delays the next, never overlaps it).
 * The first tick resumes whatever was in flight when the controller last stopped.
 */
@Component
@ConditionalOnProperty(name = "controller.reconciler.enabled", havingValue = "true", matchIfMissing = true)
class ReconcilerSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconcilerSchedule.class);

    private final Reconciler reconciler;
    private final ReconcilerProperties properties;
    private ScheduledExecutorService scheduler;

    ReconcilerSchedule(Reconciler reconciler, ReconcilerProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "reconciler"));
        long period = properties.interval().toMillis();
        scheduler.scheduleAtFixedRate(this::safeTick, 0, period, TimeUnit.MILLISECONDS);
        log.info("Reconciler ticking every {} ms", period);
    }

    private void safeTick() {
        try {
            reconciler.tick();
        } catch (RuntimeException e) {
            log.error("Reconciler tick failed; next tick as scheduled", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}

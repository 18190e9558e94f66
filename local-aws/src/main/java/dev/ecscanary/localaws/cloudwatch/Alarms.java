package dev.ecscanary.localaws.cloudwatch;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The account's metric alarms, evaluated once per (scaled) minute, shortly after each minute closes,
 * as CloudWatch evaluates standard-resolution alarms every minute.
 */
public final class Alarms implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Alarms.class.getName());

    private final Map<String, MetricAlarm> byName = new ConcurrentSkipListMap<>();
    private final AlarmEvaluator evaluator;
    private final MetricStore store;
    private final Thread loop;

    public Alarms(MetricStore store) {
        this.store = store;
        this.evaluator = new AlarmEvaluator(new MetricQueries(store));
        this.loop = Thread.ofVirtual().name("alarm-evaluator").unstarted(this::run);
    }

    public void put(MetricAlarm alarm) {
        byName.put(alarm.name(), alarm);
    }

    public Optional<MetricAlarm> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<MetricAlarm> all() {
        return byName.values();
    }

    public void start() {
        loop.start();
    }

    public void evaluateAll(Instant now) {
        for (MetricAlarm alarm : byName.values()) {
            try {
                evaluator.evaluate(alarm, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not evaluate alarm " + alarm.name(), e);
            }
        }
    }

    private void run() {
        long period = store.timeScale().periodMillis(MetricStore.STORAGE_PERIOD_SECONDS);
        long lag = Math.max(20, period / 10);
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.currentTimeMillis();
            long next = now - Math.floorMod(now, period) + period + lag;
            try {
                Thread.sleep(next - now);
            } catch (InterruptedException e) {
                return;
            }
            evaluateAll(Instant.now());
        }
    }

    @Override
    public void close() {
        loop.interrupt();
    }
}

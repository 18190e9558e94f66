package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentNotFoundException;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.store.DeploymentQueries;
import dev.ecscanary.controller.deployment.store.DeploymentWrites;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * One entry point per tick over every in-flight deployment: read all watched alarms in as few calls as CloudWatch
 * allows, then reconcile each deployment in parallel by dispatching on its status, and write each back once.
 * A deployment is worked on by one thread at a time (the tick, a new release's first step, or an operator's rollback).
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    /** A release's first step reads no alarms: starting it does not depend on them. */
    private static final AlarmReadings NOT_READ = AlarmReadings.of(Map.of());
    /** How long an operator's change waits for a tick to finish with the deployment. */
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(10);

    private final DeploymentQueries queries;
    private final DeploymentWrites writes;
    private final TickAlarms tickAlarms;
    private final BlueGreenDeployer deployer;
    private final ReconcileStep step;
    private final DeploymentMetrics metrics;
    private final Clock clock;
    // Platform threads, reused from tick to tick: the AWS SDK keeps per-thread parsers (an XML input factory found by
    // a class-path scan) that a fresh virtual thread per deployment would build again on every call.
    private final ExecutorService workers;
    private final DeploymentLocks locks = new DeploymentLocks();
    private final FirstSteps firstSteps = new FirstSteps();
    private final Timer tickTimer;
    private final Duration interval;
    private volatile Instant lastTickCompleted;

    Reconciler(
            DeploymentQueries queries,
            DeploymentWrites writes,
            TickAlarms tickAlarms,
            BlueGreenDeployer deployer,
            ReconcileStep step,
            DeploymentMetrics metrics,
            Clock clock,
            ReconcilerProperties properties,
            MeterRegistry meters) {
        this.queries = queries;
        this.writes = writes;
        this.tickAlarms = tickAlarms;
        this.deployer = deployer;
        this.step = step;
        this.metrics = metrics;
        this.clock = clock;
        // a FIFO queue: deployments are taken in the order handed out, so those with a firing alarm go first
        this.workers = workers(properties.parallelism());
        this.interval = properties.interval();
        this.tickTimer = Timer.builder("controller.reconciler.tick")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** One pass over all in-flight deployments; returns when every one has been reconciled. */
    public void tick() {
        Timer.Sample sample = Timer.start();
        int inFlightCount = 0;
        long tookMillis;
        try {
            List<Deployment> inFlight = queries.allInFlight();
            inFlightCount = inFlight.size();
            reconcileTick(inFlight);
        } finally {
            tookMillis = TimeUnit.NANOSECONDS.toMillis(sample.stop(tickTimer));
        }
        lastTickCompleted = clock.instant();
        if (tookMillis > interval.toMillis()) {
            // the next tick starts late, and every deployment's detection with it
            log.warn(
                    "A tick over {} deployments in flight took {} ms, longer than the interval of {} ms",
                    inFlightCount,
                    tookMillis,
                    interval.toMillis());
        }
    }

    private void reconcileTick(List<Deployment> inFlight) {
        if (inFlight.isEmpty()) {
            return;
        }
        log.debug("Tick over {} deployments in flight", inFlight.size());
        AlarmReadings alarms = tickAlarms.read(inFlight);
        Map<Boolean, List<Deployment>> byFiring =
                inFlight.stream().collect(Collectors.partitioningBy(d -> tickAlarms.firing(d, alarms)));
        // Releases whose alarm fires go first and alone: each reads its own CodeDeploy state and its stop goes out
        // before the other releases' reads compete for the machine, so detection does not grow with their number.
        reconcileAll(byFiring.get(true), alarms, CodeDeployReads.none(deployer));
        List<Deployment> rest = byFiring.get(false);
        reconcileAll(rest, alarms, CodeDeployReads.read(deployer, CodeDeployReads.idsOf(rest), workers));
    }

    /** Reconciles the deployments in parallel on the workers; returns when all are done. */
    private void reconcileAll(List<Deployment> deployments, AlarmReadings alarms, CodeDeployReads reads) {
        List<Future<?>> running = new ArrayList<>(deployments.size());
        for (Deployment d : deployments) {
            running.add(workers.submit(() -> tryReconcile(d, alarms, reads, false)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: the workers finish what they hold
                return;
            } catch (ExecutionException e) {
                log.error("Reconcile failed", e.getCause());
            }
        }
    }

    private static ExecutorService workers(int parallelism) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                parallelism,
                parallelism,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("reconcile-", 1).daemon(true).factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** When the last tick finished, or null before the first. */
    public Instant lastTickCompleted() {
        return lastTickCompleted;
    }

    /**
     * Takes a release's first step now, off the caller's thread (used right after a release is accepted), unless a
     * tick takes it over first. A step that could not start the release (AWS unreachable, an operator's cancel) leaves
     * it to the next tick.
     */
    public void reconcileSoon(UUID id) {
        firstSteps.queued(id);
        try {
            workers.submit(() -> firstStep(id));
        } catch (RejectedExecutionException e) {
            firstSteps.over(id); // shutting down: the first tick after the restart starts it
            throw e;
        }
    }

    private void firstStep(UUID id) {
        if (!firstSteps.takenByWorker(id)) {
            return; // a tick took it over
        }
        try {
            queries.find(id)
                    .filter(d -> d.status() == DeploymentStatus.PENDING)
                    .ifPresent(d -> tryReconcile(d, NOT_READ, CodeDeployReads.none(deployer), true));
        } finally {
            firstSteps.over(id);
        }
    }

    /**
     * Runs a change on a fresh read of one deployment, holding its lock, and saves it.
     *
     * @throws ConcurrentChangeException when the lock could not be had in time
     */
    public Deployment change(UUID id, Consumer<Deployment> change) {
        if (!locks.take(id, CHANGE_WAIT)) {
            throw new ConcurrentChangeException(id);
        }
        MDC.put("deploymentId", id.toString());
        try {
            Deployment d = queries.find(id).orElseThrow(() -> new DeploymentNotFoundException(id));
            DeploymentStatus before = d.status();
            change.accept(d);
            writes.save(d);
            metrics.transition(d, before);
            return d;
        } finally {
            MDC.remove("deploymentId");
            locks.giveBack(id, false);
        }
    }

    /** True while some thread works on the deployment, or its first step is still to come. */
    public boolean isBusy(UUID id) {
        return firstSteps.pending(id) || locks.isHeld(id);
    }

    private void tryReconcile(Deployment d, AlarmReadings alarms, CodeDeployReads reads, boolean onlyIfPending) {
        if (!onlyIfPending && d.status() == DeploymentStatus.PENDING && !firstSteps.tickMayStart(d.id())) {
            return; // its first step is under way; the next tick looks at what it did
        }
        if (!locks.takeIfFree(d.id())) {
            return; // someone else is on it; the next tick will look again
        }
        MDC.put("deploymentId", d.id().toString());
        boolean finished = false;
        try {
            Deployment current = queries.current(d).orElse(null);
            boolean wanted = current != null
                    && current.isInFlight()
                    && (!onlyIfPending || current.status() == DeploymentStatus.PENDING);
            if (wanted) {
                step.reconcile(current, alarms, reads);
            }
            finished = current == null || !current.isInFlight();
        } catch (ConcurrentChangeException e) {
            log.info("Deployment changed under the reconciler; it will be looked at again next tick");
        } catch (RuntimeException e) {
            log.error("Reconciling deployment failed", e);
        } finally {
            MDC.remove("deploymentId");
            locks.giveBack(d.id(), finished);
        }
    }
}

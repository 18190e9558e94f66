package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.analysis.HealthGate;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentNotFoundException;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.store.DeploymentQueries;
import dev.ecscanary.controller.deployment.store.DeploymentWrites;
import dev.ecscanary.controller.release.ReleasableService;
import dev.ecscanary.controller.release.ServiceCatalog;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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

    private final DeploymentQueries queries;
    private final DeploymentWrites writes;
    private final ServiceCatalog catalog;
    private final AlarmReader alarmReader;
    private final DeploymentStarter starter;
    private final BlueGreenDeployer deployer;
    private final ProgressWatcher progress;
    private final RollbackFollower rollback;
    private final DeploymentMetrics metrics;
    private final Clock clock;
    // Platform threads, reused from tick to tick: the AWS SDK keeps per-thread parsers (an XML input factory found by
    // a class-path scan) that a fresh virtual thread per deployment would build again on every call.
    private final ExecutorService workers;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final FirstSteps firstSteps = new FirstSteps();
    private final Timer tickTimer;
    private final java.time.Duration interval;
    private volatile java.time.Instant lastTickCompleted;

    Reconciler(
            DeploymentQueries queries,
            DeploymentWrites writes,
            ServiceCatalog catalog,
            AlarmReader alarmReader,
            DeploymentStarter starter,
            BlueGreenDeployer deployer,
            ProgressWatcher progress,
            RollbackFollower rollback,
            DeploymentMetrics metrics,
            Clock clock,
            ReconcilerProperties properties,
            MeterRegistry meters) {
        this.queries = queries;
        this.writes = writes;
        this.catalog = catalog;
        this.alarmReader = alarmReader;
        this.starter = starter;
        this.deployer = deployer;
        this.progress = progress;
        this.rollback = rollback;
        this.metrics = metrics;
        this.clock = clock;
        // a FIFO queue: deployments are taken in the order handed out, so those with a firing alarm go first
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                properties.parallelism(),
                properties.parallelism(),
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("reconcile-", 1).daemon(true).factory());
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
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
        AlarmReadings alarms = readAlarms(inFlight);
        Map<Boolean, List<Deployment>> byFiring =
                inFlight.stream().collect(Collectors.partitioningBy(d -> isFiring(d, alarms)));
        // Releases whose alarm fires go first and alone: each reads its own CodeDeploy state and its stop goes out
        // before the other releases' reads compete for the machine, so detection does not grow with their number.
        reconcileAll(byFiring.get(true), alarms, CodeDeployReads.none(deployer));
        List<Deployment> rest = byFiring.get(false);
        reconcileAll(rest, alarms, CodeDeployReads.read(deployer, codeDeployIds(rest), workers));
    }

    /** The CodeDeploy deployments this tick looks at: each release's own, and its rollback's once known. */
    private static Set<String> codeDeployIds(List<Deployment> inFlight) {
        Set<String> ids = new TreeSet<>();
        for (Deployment d : inFlight) {
            if (d.status() != DeploymentStatus.PENDING && d.codeDeployDeploymentId() != null) {
                ids.add(d.codeDeployDeploymentId());
            }
            if (d.rollbackDeploymentId() != null) {
                ids.add(d.rollbackDeploymentId());
            }
        }
        return ids;
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

    private boolean isFiring(Deployment d, AlarmReadings alarms) {
        return d.status() == DeploymentStatus.IN_PROGRESS
                && catalog.find(d.service())
                        .map(s -> HealthGate.isFiring(s.config().alarms(), alarms))
                        .orElse(false);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** When the last tick finished, or null before the first. */
    public java.time.Instant lastTickCompleted() {
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
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        try {
            if (!lock.tryLock(10, TimeUnit.SECONDS)) {
                throw new ConcurrentChangeException(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            lock.unlock();
        }
    }

    /** True while some thread works on the deployment, or its first step is still to come. */
    public boolean isBusy(UUID id) {
        ReentrantLock lock = locks.get(id);
        return firstSteps.pending(id) || lock != null && lock.isLocked();
    }

    private AlarmReadings readAlarms(List<Deployment> deployments) {
        Set<String> names = new TreeSet<>();
        for (Deployment d : deployments) {
            catalog.find(d.service()).ifPresent(s -> names.addAll(s.config().alarms()));
        }
        try {
            return AlarmReadings.of(alarmReader.read(names));
        } catch (AwsUnavailableException e) {
            log.warn("Alarms could not be read this tick: {}", e.getMessage());
            return AlarmReadings.unreadable(e.getMessage());
        }
    }

    private void tryReconcile(Deployment d, AlarmReadings alarms, CodeDeployReads reads, boolean onlyIfPending) {
        if (!onlyIfPending && d.status() == DeploymentStatus.PENDING && !firstSteps.tickMayStart(d.id())) {
            return; // its first step is under way; the next tick looks at what it did
        }
        ReentrantLock lock = locks.computeIfAbsent(d.id(), k -> new ReentrantLock());
        if (!lock.tryLock()) {
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
                reconcile(current, alarms, reads);
            }
            finished = current == null || !current.isInFlight();
        } catch (ConcurrentChangeException e) {
            log.info("Deployment changed under the reconciler; it will be looked at again next tick");
        } catch (RuntimeException e) {
            log.error("Reconciling deployment failed", e);
        } finally {
            MDC.remove("deploymentId");
            lock.unlock();
            if (finished) {
                locks.remove(d.id());
            }
        }
    }

    private void reconcile(Deployment d, AlarmReadings alarms, CodeDeployReads reads) {
        DeploymentStatus before = d.status();
        ReleasableService service = catalog.find(d.service()).orElse(null);
        if (service == null) {
            d.finish(DeploymentStatus.FAILED, "Service '" + d.service() + "' is no longer configured", clock.instant());
        } else {
            try {
                switch (d.status()) {
                    case PENDING -> starter.advance(d, service);
                    case IN_PROGRESS -> progress.watch(d, service, alarms, reads);
                    case ROLLING_BACK -> rollback.follow(d, service, reads);
                    default -> {}
                }
                d.awsProblem(
                        !alarms.readable() && d.isInFlight() ? "CloudWatch alarms could not be read" : null,
                        clock.instant());
            } catch (AwsUnavailableException e) {
                d.awsProblem(e.getMessage(), clock.instant());
            }
        }
        if (d.hasUnsavedChanges()) {
            writes.save(d);
        }
        if (d.status() != before) {
            log.info("Deployment {} -> {}", before, d.status());
            metrics.transition(d, before);
        }
    }
}

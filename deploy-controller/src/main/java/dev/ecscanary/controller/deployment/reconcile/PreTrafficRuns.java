package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.pretraffic.SmokeCheckRunner;
import dev.ecscanary.controller.pretraffic.SmokePlan;
import dev.ecscanary.controller.pretraffic.SmokeReport;
import dev.ecscanary.controller.traffic.TargetAddress;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The pre-traffic checks in flight, run off the reconciler's threads so that a check taking a minute never delays the
 * tick of other releases. A run lives in memory only: a controller that restarts mid-check finds the release's phase
 * still running with no run here, and starts the check again.
 */
@Component
class PreTrafficRuns {

    /** How long a run waits for the replacement's targets to show healthy before it reports that none can be asked. */
    static final Duration TARGET_WAIT = Duration.ofSeconds(30);

    private static final Duration TARGET_POLL = Duration.ofSeconds(2);

    private final SmokeCheckRunner runner;
    private final Clock clock;
    private final Duration targetWait;
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("pre-traffic-run-", 1).factory());
    private final Map<UUID, Future<SmokeReport>> runs = new ConcurrentHashMap<>();

    @Autowired
    PreTrafficRuns(Clock clock) {
        this(new SmokeCheckRunner(clock), clock, TARGET_WAIT);
    }

    PreTrafficRuns(SmokeCheckRunner runner, Clock clock, Duration targetWait) {
        this.runner = runner;
        this.clock = clock;
        this.targetWait = targetWait;
    }

    /**
     * Starts the check of one release, replacing any earlier run of it.
     *
     * @param targets the replacement's healthy targets, asked again until some show or {@link #TARGET_WAIT} passes;
     *                it may throw what AWS adapters throw
     */
    void start(UUID release, SmokePlan plan, Supplier<List<TargetAddress>> targets, Map<String, String> builtins) {
        discard(release);
        runs.put(release, pool.submit(() -> runner.run(plan, healthy(targets), builtins)));
    }

    /** True while a run of the release is under way here. */
    boolean running(UUID release) {
        Future<SmokeReport> run = runs.get(release);
        return run != null && !run.isDone();
    }

    /** The finished run's report, taken (a second call answers empty); empty while running or when none ran here. */
    Optional<SmokeReport> take(UUID release) {
        Future<SmokeReport> run = runs.get(release);
        if (run == null || !run.isDone() || !runs.remove(release, run)) {
            return Optional.empty();
        }
        try {
            return Optional.of(run.get()); // done: does not wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            Instant now = clock.instant();
            return Optional.of(new SmokeReport(
                    now,
                    now,
                    List.of(),
                    List.of(),
                    false,
                    "the check could not run: " + e.getCause().getMessage()));
        }
    }

    /** Forgets the release's run, cancelling it if it still runs. */
    void discard(UUID release) {
        Future<SmokeReport> run = runs.remove(release);
        if (run != null) {
            run.cancel(true);
        }
    }

    private List<URI> healthy(Supplier<List<TargetAddress>> targets) throws InterruptedException {
        Instant giveUp = clock.instant().plus(targetWait);
        while (true) {
            try {
                List<TargetAddress> found = targets.get();
                if (!found.isEmpty() || !clock.instant().isBefore(giveUp)) {
                    return found.stream().map(TargetAddress::httpUri).toList();
                }
            } catch (AwsUnavailableException | AwsRequestRejectedException e) {
                if (!clock.instant().isBefore(giveUp)) {
                    throw new IllegalStateException(
                            "the replacement's targets could not be read (" + e.getMessage() + ")", e);
                }
            }
            Thread.sleep(TARGET_POLL);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

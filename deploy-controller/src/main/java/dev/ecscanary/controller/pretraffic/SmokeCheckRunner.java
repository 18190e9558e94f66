package dev.ecscanary.controller.pretraffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Runs a service's pre-traffic check against the replacement's targets: {@code rounds} runs of the request list,
 * {@code concurrency} at a time, round {@code r} on target {@code r mod n}, and judges what came back.
 */
public final class SmokeCheckRunner {

    private final HttpClient http;
    private final Clock clock;

    public SmokeCheckRunner(Clock clock) {
        this(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                clock);
    }

    SmokeCheckRunner(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * @param targets  the replacement's addresses, e.g. {@code http://10.0.1.17:3000}; empty gives a failed report
     * @param builtins the values every template may use: {@code tag}, {@code image}, {@code service}
     */
    public SmokeReport run(SmokePlan plan, List<URI> targets, Map<String, String> builtins)
            throws InterruptedException {
        Instant started = clock.instant();
        List<Queue<Sample>> samples = new ArrayList<>();
        plan.requests().forEach(r -> samples.add(new ConcurrentLinkedQueue<>()));
        AtomicIntegerArray skipped = new AtomicIntegerArray(plan.requests().size());
        if (!targets.isEmpty()) {
            runRounds(plan, targets, builtins, samples, skipped);
        }
        return SmokeJudgement.report(plan, targets, samples, skipped, started, clock.instant());
    }

    private void runRounds(
            SmokePlan plan,
            List<URI> targets,
            Map<String, String> builtins,
            List<Queue<Sample>> samples,
            AtomicIntegerArray skipped)
            throws InterruptedException {
        Probe probe = new Probe(http, plan.requestTimeout());
        int threads = Math.min(plan.concurrency(), plan.rounds());
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofVirtual().name("pre-traffic-", 1).factory());
        try {
            List<Future<?>> rounds = new ArrayList<>(plan.rounds());
            for (int r = 0; r < plan.rounds(); r++) {
                URI target = targets.get(r % targets.size());
                Map<String, String> values = new HashMap<>(builtins);
                values.put("round", Integer.toString(r + 1));
                rounds.add(pool.submit(() -> {
                    runRound(probe, plan, target, values, samples, skipped);
                    return null;
                }));
            }
            for (Future<?> round : rounds) {
                round.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a pre-traffic round failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run of the list on one target; after a failure only the requests marked {@code always} still go. */
    private static void runRound(
            Probe probe,
            SmokePlan plan,
            URI target,
            Map<String, String> values,
            List<Queue<Sample>> samples,
            AtomicIntegerArray skipped)
            throws InterruptedException {
        boolean failed = false;
        for (int i = 0; i < plan.requests().size(); i++) {
            SmokeRequest request = plan.requests().get(i);
            boolean runnable = (!failed || request.always()) && values.keySet().containsAll(request.variables());
            if (!runnable) {
                skipped.incrementAndGet(i);
                continue;
            }
            Sample sample = probe.send(target, request, values);
            samples.get(i).add(sample);
            failed |= sample.isFailure();
        }
    }
}

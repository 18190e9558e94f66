package dev.ecscanary.controller.wire.bench;

import dev.ecscanary.controller.wire.AwsStandIn;
import dev.ecscanary.controller.wire.StandInService;
import dev.ecscanary.controller.wire.StandInWorld;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How fast the controller stops a release once its alarm fires, with many releases in flight: the shipped jar in a
 * child JVM with a capped heap, against the stand-in AWS on its wire protocols. Every service gets a release; once all
 * are in flight, each service's alarm flips to ALARM at a random moment of the flip window, and the time from the
 * flip (the first instant DescribeAlarms can return ALARM) to the StopDeployment arriving at the stand-in is measured.
 * Prints its figures as key=value pairs on the last line.
 */
public final class DetectionBench {

    private final BenchSettings settings;
    private final Clock clock = Clock.systemUTC();

    private DetectionBench(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        new DetectionBench(BenchSettings.parse(args)).run();
        System.exit(0); // WireMock's and the HTTP client's threads must not keep the benchmark alive
    }

    private void run() throws Exception {
        BenchFleet fleet = new BenchFleet(settings.inflight());
        try (AwsStandIn aws = AwsStandIn.forBenchmark(clock, 2 * settings.inflight())) {
            fleet.services().forEach(aws.world()::add);
            Path config = fleet.writeControllerConfig(settings.workDir().resolve("services.properties"));
            log("controller log: " + settings.workDir().resolve("controller.log"));
            try (ControllerProcess controller = ControllerProcess.start(
                    settings.jar(),
                    settings.heap(),
                    settings.javaOptions(),
                    aws.url(),
                    settings.workDir().resolve("controller.log"),
                    settings.controllerArguments(config))) {
                controller.awaitHealthy(Duration.ofMinutes(3));
                startAll(controller, fleet);
                awaitAllCreated(aws.world(), fleet);
                measure(controller, aws, fleet);
            }
        }
    }

    private void startAll(ControllerProcess controller, BenchFleet fleet) throws Exception {
        long started = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            for (StandInService s : fleet.services()) {
                callers.submit(() -> {
                    var response = controller.post("/api/deployments", BenchFleet.releaseBody(s));
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(
                                s.name() + ": " + response.statusCode() + " " + response.body());
                    }
                    return null;
                });
            }
        }
        log("%d releases accepted in %d ms"
                .formatted(fleet.services().size(), (System.nanoTime() - started) / 1_000_000));
    }

    private void awaitAllCreated(StandInWorld world, BenchFleet fleet) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (fleet.services().stream().anyMatch(s -> world.releases(s.name()).isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every release reached CodeDeploy within 2 minutes");
            }
            Thread.sleep(100);
        }
        log("all %d releases in flight on CodeDeploy".formatted(fleet.services().size()));
    }

    private void measure(ControllerProcess controller, AwsStandIn aws, BenchFleet fleet) throws Exception {
        StandInWorld world = aws.world();
        Map<String, Instant> flips = new ConcurrentHashMap<>();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        TrafficAutopilot autopilot = new TrafficAutopilot(world, fleet.services(), flips.keySet());
        timers.scheduleAtFixedRate(autopilot::step, 0, settings.stepSeconds(), TimeUnit.SECONDS);
        Thread.sleep(settings.warmup().toMillis());

        HeapSampler heap = new HeapSampler(controller);
        timers.scheduleAtFixedRate(heap::sample, 0, 1, TimeUnit.SECONDS);
        CpuMeter cpu = new CpuMeter(controller.handle(), settings.workDir().resolve("pg"));
        StoreStats store = new StoreStats(settings.workDir().resolve("pg"));
        FlightRecording recording = FlightRecording.startIfAsked(settings.profile(), controller.handle());
        Counters before = Counters.readBetweenTicks(controller, aws, cpu, store);
        Random random = new Random(settings.seed());
        for (StandInService s : fleet.services()) {
            timers.schedule(
                    () -> flip(world, s, flips),
                    random.nextLong(settings.flipWindow().toMillis()),
                    TimeUnit.MILLISECONDS);
        }
        awaitStops(world, fleet, settings.flipWindow().plusSeconds(20));
        Counters window = Counters.readBetweenTicks(controller, aws, cpu, store).minus(before);
        recording.stop();
        timers.shutdownNow();

        BenchReport report = new BenchReport(
                settings,
                Detection.of(flips, world.stops()),
                window,
                heap.maxMegabytes(),
                millis(controller.prometheus("controller_reconciler_tick_seconds", "quantile=\"0.99\"")),
                millis(controller.metric("controller.reconciler.tick", "MAX", null)));
        report.print(System.out);
    }

    private void flip(StandInWorld world, StandInService s, Map<String, Instant> flips) {
        Instant at = clock.instant();
        world.setAlarm(s.alarm(), "ALARM", at);
        flips.put(s.name(), at);
    }

    private static void awaitStops(StandInWorld world, BenchFleet fleet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && world.stops().stream()
                                .map(StandInWorld.StopArrival::service)
                                .distinct()
                                .count()
                        < fleet.services().size()) {
            Thread.sleep(200);
        }
    }

    private static double millis(double seconds) {
        return seconds * 1000;
    }

    /** WireMock and the HTTP clients log through Logback, which says everything at DEBUG when not configured. */
    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[controller-detection] %s", line));
    }
}

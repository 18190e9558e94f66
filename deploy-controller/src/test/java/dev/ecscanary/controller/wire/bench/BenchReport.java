package dev.ecscanary.controller.wire.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The benchmark's figures, with the targets they are held to, and the key=value line that ends the output.
 *
 * @param window    the counters' growth over the measurement
 * @param tickP99Ms the tick timer's 99th percentile over its last 30 s (the controller's Prometheus summary)
 * @param tickMaxMs the longest tick of the last 30 s
 */
record BenchReport(
        BenchSettings settings,
        Detection detection,
        Counters window,
        double heapUsedMb,
        double tickP99Ms,
        double tickMaxMs) {

    void print(PrintStream out) {
        long tickMs = settings.tick().toMillis();
        double alarmCallsPerTick = window.perTick(window.describeAlarms());
        DetectionBench.log(String.format(
                Locale.ROOT,
                "stopped %d of %d flipped releases with %d StopDeployment calls",
                detection.stopped(),
                detection.flipped(),
                detection.stopCalls()));
        DetectionBench.log(verdict("detect_p99_ms", detection.percentile(99), tickMs + 200));
        DetectionBench.log(verdict("tick_p99_ms", tickP99Ms, 1000));
        DetectionBench.log(verdict("describe_alarms_calls_per_tick", alarmCallsPerTick, 2));
        DetectionBench.log(verdict("heap_used_mb", heapUsedMb, 256));
        out.println(String.format(
                Locale.ROOT,
                "inflight=%d tick_ms=%d detect_p50_ms=%.0f detect_p99_ms=%.0f "
                        + "detect_max_ms=%.0f stopped=%d stop_calls=%d tick_mean_ms=%.0f tick_p99_ms=%.0f tick_max_ms=%.0f "
                        + "ticks=%.0f describe_alarms_calls_per_tick=%.2f heap_used_mb=%.0f heap_max=%s "
                        + "cpu_ms_per_tick=%.0f pg_cpu_ms_per_tick=%.0f standin_cpu_ms_per_tick=%.0f saves_per_tick=%.0f "
                        + "pg_transactions_per_tick=%.0f cpus=%d",
                settings.inflight(),
                tickMs,
                detection.percentile(50),
                detection.percentile(99),
                detection.percentile(100),
                detection.stopped(),
                detection.stopCalls(),
                window.perTick(window.tickSeconds() * 1000),
                tickP99Ms,
                tickMaxMs,
                window.ticks(),
                alarmCallsPerTick,
                heapUsedMb,
                settings.heap(),
                window.perTick(window.cpu().controllerMs()),
                window.perTick(window.cpu().postgresMs()),
                window.perTick(window.cpu().standInMs()),
                window.perTick(window.store().saves()),
                window.perTick(window.store().transactions()),
                Runtime.getRuntime().availableProcessors()));
    }

    private static String verdict(String figure, double value, double target) {
        return String.format(
                Locale.ROOT, "%s=%.2f target <= %.0f: %s", figure, value, target, value <= target ? "met" : "MISSED");
    }
}

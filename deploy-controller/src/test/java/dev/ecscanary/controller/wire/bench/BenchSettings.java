package dev.ecscanary.controller.wire.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's knobs, from {@code --name=value} arguments.
 *
 * @param jar        the controller's executable jar
 * @param workDir    where the controller's log, configuration and PostgreSQL data go
 * @param inflight   services, each with one release in flight; default 200
 * @param tick       the reconciler's interval; default 1s
 * @param flipWindow alarms flip to ALARM at uniformly random moments of this window; default 20s
 * @param warmup     time with every release in flight before the first flip (the JIT settles); default 10s
 * @param stepSeconds seconds between two traffic steps of each release (10% each, up to 90%); default 3
 * @param heap       the controller's -Xmx; default 256m
 * @param seed       of the flip times; default 42
 * @param javaOptions further JVM options of the controller, space-separated; default none
 * @param profile    where to write a flight recording of the controller during the measurement; default none
 */
record BenchSettings(
        Path jar,
        Path workDir,
        int inflight,
        Duration tick,
        Duration flipWindow,
        Duration warmup,
        long stepSeconds,
        String heap,
        long seed,
        List<String> javaOptions,
        Path profile) {

    static BenchSettings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new BenchSettings(
                Path.of(required(given, "jar")).toAbsolutePath(),
                Path.of(required(given, "work-dir")).toAbsolutePath(),
                Integer.parseInt(given.getOrDefault("inflight", "200")),
                Duration.ofMillis(Long.parseLong(given.getOrDefault("tick-ms", "1000"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("flip-window-s", "20"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-s", "10"))),
                Long.parseLong(given.getOrDefault("step-s", "3")),
                given.getOrDefault("heap", "256m"),
                Long.parseLong(given.getOrDefault("seed", "42")),
                given.getOrDefault("controller-java-opts", "").isBlank()
                        ? List.of()
                        : List.of(given.get("controller-java-opts").trim().split("\\s+")),
                given.getOrDefault("profile", "").isBlank()
                        ? null
                        : Path.of(given.get("profile")).toAbsolutePath());
    }

    /** Spring Boot arguments for the controller: the fleet, the tick, its own data directory, quiet logs. */
    /** The API token the benchmark sends; the controller is told only its SHA-256. */
    static final String TOKEN = "bench-detection-token";

    private static final String TOKEN_SHA256 = "421cd8e5b8296d32c3de9e6c86e3a5a3a88370138e123a711594e983dfb800d2";

    List<String> controllerArguments(Path servicesConfig) {
        return List.of(
                "--spring.config.additional-location=file:" + servicesConfig,
                "--controller.reconciler.interval=" + tick.toMillis() + "ms",
                "--controller.store.embedded-data-dir=" + workDir.resolve("pg"),
                // the tick's percentiles cover the last 30 s (the measurement), not the default 2 minutes
                "--management.metrics.distribution.expiry.controller.reconciler.tick=30s",
                "--logging.level.root=WARN",
                // the benchmark's caller: one token that may deploy and read (metrics), with no rate limit to speak of
                "--controller.security.tokens[0].name=bench",
                "--controller.security.tokens[0].sha256=" + TOKEN_SHA256,
                "--controller.security.tokens[0].scopes=deploy,read",
                "--controller.security.rate-limits.mutations-per-minute=1000000",
                "--controller.security.rate-limits.reads-per-minute=1000000");
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }
}

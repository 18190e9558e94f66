package dev.ecscanary.localaws.bench;

import dev.ecscanary.localaws.LocalAws;
import dev.ecscanary.localaws.rehearsal.ControllerClient;
import dev.ecscanary.localaws.rehearsal.Rehearsal;
import dev.ecscanary.localaws.rehearsal.RehearsalSettings;
import dev.ecscanary.localaws.traffic.ClientStats;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The blast radius of a bad release: a whole rehearsal releases {@code demo-app:2.0.0-faulty} through the
 * controller and measures what the clients suffered until the release was rolled back. Its last line is
 * {@code failed_requests=… total_requests=… seconds_to_rollback=…}.
 */
public final class BlastRadius {

    private static final String FAULTY = "demo-app:2.0.0-faulty";

    private BlastRadius() {}

    public static int run(Map<String, String> env, PrintStream out) throws Exception {
        RehearsalSettings defaults = RehearsalSettings.fromEnvironment(env, true, true);
        RehearsalSettings settings = new RehearsalSettings(
                defaults.repoRoot(),
                defaults.stateDir().resolve("bench"),
                defaults.timeScale(),
                0,
                0,
                0,
                freePort(),
                defaults.requestsPerSecond(),
                defaults.tasksPerTaskSet(),
                false,
                defaults.initialImage(),
                true,
                true,
                defaults.demoAppJar(),
                defaults.controllerJar());
        try (Rehearsal rehearsal = Rehearsal.start(settings, out)) {
            LocalAws aws = rehearsal.aws();
            Thread.sleep(aws.settings().timeScale().realMinutes(1).toMillis());
            ControllerClient controller =
                    new ControllerClient(rehearsal.controller().url());
            ClientStats.Counts before = rehearsal.traffic().stats().total();
            String original = aws.loadBalancer().productionTargetGroup().name();
            Instant requested = Instant.now();
            out.println("Releasing " + FAULTY + " at time scale "
                    + settings.timeScale().factor() + " with " + settings.requestsPerSecond() + " requests/s ...");
            String id = controller.release(FAULTY);
            JsonNode verdict = controller.awaitStatus(
                    id, Set.of(), aws.settings().timeScale().realMinutes(30).plus(Duration.ofMinutes(2)));
            double seconds = Duration.between(requested, Instant.now()).toMillis() / 1000.0;
            ClientStats.Counts after = rehearsal.traffic().stats().total();
            String status = verdict.get("status").asString();
            out.println("verdict: " + status + " (" + verdict.path("reason").asString("") + ")");
            out.println("clients: " + rehearsal.traffic().stats().summary());
            out.printf(
                    Locale.ROOT,
                    "seconds_of_production_traffic_on_the_faulty_version=%.1f%n",
                    exposure(aws, original, requested));
            out.printf(
                    Locale.ROOT,
                    "failed_requests=%d total_requests=%d seconds_to_rollback=%.1f%n",
                    after.failed() - before.failed(),
                    after.total() - before.total(),
                    seconds);
            return "ROLLED_BACK".equals(status) ? 0 : 1;
        }
    }

    /** From the first production shift to the faulty version until all production traffic was back on the original. */
    private static double exposure(LocalAws aws, String original, Instant since) {
        var shifts = aws.loadBalancer().production().history().stream()
                .filter(c -> !c.at().isBefore(since))
                .toList();
        Instant first = shifts.stream()
                .filter(c -> c.weights().get(original) < 100)
                .map(c -> c.at())
                .findFirst()
                .orElse(null);
        Instant back = shifts.stream()
                .filter(c -> c.weights().get(original) == 100)
                .map(c -> c.at())
                .filter(at -> first != null && at.isAfter(first))
                .findFirst()
                .orElse(null);
        return first == null || back == null
                ? Double.NaN
                : Duration.between(first, back).toMillis() / 1000.0;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

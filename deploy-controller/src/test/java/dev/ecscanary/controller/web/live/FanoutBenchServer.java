package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.DeployControllerApplication;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.FakeAwsConfiguration;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.web.StatusPageFixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The controller side of {@code bench/status-page-fanout}: the whole controller on loopback with the AWS fakes and a
 * driver that keeps releases progressing (one traffic step per tick; every third release rolled back by its alarm),
 * timing each reconciler tick together with how many viewers were connected during it. It writes its figures to
 * {@code <workDir>/server.txt}; once {@code <workDir>/measured} exists it measures the heap after a GC and stops.
 * Run with the test classpath: {@code java -cp ... dev.ecscanary.controller.web.live.FanoutBenchServer <workDir> <tickMillis> <viewers>}.
 */
public final class FanoutBenchServer {

    private final Releases releases;
    private final Reconciler reconciler;
    private final FakeCodeDeploy codeDeploy;
    private final FakeCloudWatch cloudWatch;
    private final MutableClock clock;
    private final LiveUpdates live;
    private final List<Double> idleTicks = new ArrayList<>();
    private final List<Double> loadedTicks = new ArrayList<>();
    private final int viewersWanted;
    private int released;

    private FanoutBenchServer(ConfigurableApplicationContext app, int viewersWanted) {
        this.releases = app.getBean(Releases.class);
        this.reconciler = app.getBean(Reconciler.class);
        this.codeDeploy = app.getBean(FakeCodeDeploy.class);
        this.cloudWatch = app.getBean(FakeCloudWatch.class);
        this.clock = app.getBean(MutableClock.class);
        this.live = app.getBean(LiveUpdates.class);
        this.viewersWanted = viewersWanted;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long tickMillis = Long.parseLong(args[1]);
        int viewers = Integer.parseInt(args[2]);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        DeployControllerApplication.class, FakeAwsConfiguration.class)
                .profiles("test")
                // Viewers read the page's event streams as a public-read installation serves them.
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--controller.security.public-read=true",
                        "--controller.store.embedded-data-dir=" + work.resolve("pg"),
                        "--logging.level.root=WARN",
                        "--logging.level.dev.ecscanary=WARN");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Files.writeString(work.resolve("port"), Integer.toString(port));
        FanoutBenchServer bench = new FanoutBenchServer(app, viewers);
        bench.cloudWatch.set(StatusPageFixture.ALARM, AlarmState.OK, bench.clock.instant());
        bench.drive(work, tickMillis);
        app.close();
    }

    private void drive(Path work, long tickMillis) throws IOException, InterruptedException {
        Path measured = work.resolve("measured");
        UUID current = start();
        int percent = 0;
        long next = System.nanoTime();
        while (!Files.exists(measured)) {
            next += tickMillis * 1_000_000;
            DeploymentStatus status = releases.find(current).orElseThrow().status();
            if (status.isTerminal()) {
                cloudWatch.set(StatusPageFixture.ALARM, AlarmState.OK, clock.instant());
                current = start();
                percent = 0;
            } else if (status == DeploymentStatus.ROLLING_BACK) {
                String rollback = releases.find(current).orElseThrow().rollbackDeploymentId();
                if (rollback != null) {
                    codeDeploy.completeRollback(rollback);
                }
            } else if (percent == 30 && released % 3 == 2) {
                cloudWatch.set(StatusPageFixture.ALARM, AlarmState.ALARM, clock.instant());
            } else if (percent < 100) {
                percent += 10;
                codeDeploy.shiftTo(percent);
            } else {
                codeDeploy.succeed(codeDeploy.lastDeploymentId());
            }
            timedTick();
            Files.writeString(work.resolve("server.txt"), figures(Double.NaN) + "\n");
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        Files.writeString(work.resolve("server.txt"), figures(heap) + "\n");
    }

    private UUID start() {
        released++;
        ReleaseRequest request = new ReleaseRequest(
                "demo-app",
                ImageReference.parse(StatusPageFixture.REPOSITORY + ":bench-" + released),
                "production",
                "fan-out benchmark",
                null,
                null,
                "bench");
        UUID id = releases.accept(request, null, null).deployment().id();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (releases.find(id).orElseThrow().status() == DeploymentStatus.PENDING && System.nanoTime() < deadline) {
            timedTick();
        }
        return id;
    }

    private void timedTick() {
        clock.advance(Duration.ofMinutes(1));
        int viewersBefore = live.viewers();
        long started = System.nanoTime();
        reconciler.tick();
        double millis = (System.nanoTime() - started) / 1e6;
        if (viewersBefore == 0) {
            idleTicks.add(millis);
        } else if (viewersBefore >= viewersWanted) {
            loadedTicks.add(millis);
        }
    }

    private String figures(double heapMb) {
        return String.format(
                Locale.ROOT,
                "server_viewers=%d releases=%d tick_p50_ms_no_viewers=%.1f"
                        + " tick_p99_ms_no_viewers=%.1f tick_p50_ms_with_viewers=%.1f tick_p99_ms_with_viewers=%.1f"
                        + " ticks_measured=%d/%d heap_used_mb=%.0f",
                live.viewers(),
                released,
                percentile(idleTicks, 50),
                percentile(idleTicks, 99),
                percentile(loadedTicks, 50),
                percentile(loadedTicks, 99),
                idleTicks.size(),
                loadedTicks.size(),
                heapMb);
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

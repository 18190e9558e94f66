package dev.ecscanary.localaws.elb;

import dev.ecscanary.localaws.clock.TimeScale;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Probes every registered target's health-check path on the target group's (scaled) interval; a target is
 * healthy only after consecutive 200s, as an ALB target group decides.
 */
public final class HealthChecker implements AutoCloseable {

    private final LoadBalancer loadBalancer;
    private final TimeScale timeScale;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final Thread loop;

    public HealthChecker(LoadBalancer loadBalancer, TimeScale timeScale) {
        this.loadBalancer = loadBalancer;
        this.timeScale = timeScale;
        this.loop = Thread.ofVirtual().name("health-checker").unstarted(this::run);
    }

    public void start() {
        loop.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            long intervalMillis = 100;
            for (TargetGroup group : loadBalancer.targetGroups()) {
                HealthCheckSettings settings = group.healthCheck();
                intervalMillis = Math.max(
                        100, timeScale.realSeconds(settings.intervalSeconds()).toMillis());
                for (Target target : group.targets()) {
                    Thread.ofVirtual().start(() -> target.recordHealthCheck(probe(target, settings), settings));
                }
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean probe(Target target, HealthCheckSettings settings) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + settings.path()))
                .timeout(settings.timeout())
                .header("User-Agent", "ELB-HealthChecker/2.0")
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        loop.interrupt();
        client.close();
    }
}

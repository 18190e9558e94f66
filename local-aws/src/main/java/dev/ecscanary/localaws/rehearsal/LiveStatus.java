package dev.ecscanary.localaws.rehearsal;

import dev.ecscanary.localaws.LocalAws;
import dev.ecscanary.localaws.codedeploy.Deployment;
import dev.ecscanary.localaws.elb.Listener;
import dev.ecscanary.localaws.traffic.TrafficGenerator;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Collectors;

/** One compact line per (scaled) minute: traffic split, alarm state, the deployment, and what clients saw. */
final class LiveStatus {

    private final LocalAws aws;
    private final TrafficGenerator traffic;
    private final PrintStream out;

    LiveStatus(LocalAws aws, TrafficGenerator traffic, PrintStream out) {
        this.aws = aws;
        this.traffic = traffic;
        this.out = out;
    }

    Thread start() {
        long periodMillis = aws.settings().timeScale().realMinutes(1).toMillis();
        return Thread.ofVirtual().name("live-status").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
                out.println(line());
            }
        });
    }

    String line() {
        return "[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] prod "
                + weights(aws.loadBalancer().production())
                + " | test " + weights(aws.loadBalancer().test())
                + " | alarm " + aws.alarmState().orElse("?")
                + " | " + deployment()
                + " | clients " + (traffic == null ? "off" : traffic.stats().summary());
    }

    private static String weights(Listener listener) {
        return listener.forward().stream()
                .filter(w -> w.weight() > 0)
                .map(w -> w.targetGroup().name().replace("demo-app-", "") + "=" + w.weight())
                .collect(Collectors.joining(" "));
    }

    private String deployment() {
        return aws.deployments().all().stream()
                .max(Comparator.comparing(Deployment::createTime))
                .map(d -> d.id() + " " + d.status() + (d.errorCode() != null ? " (" + d.errorCode() + ")" : ""))
                .orElse("no deployment yet");
    }
}

package dev.ecscanary.controller.wire.bench;

import dev.ecscanary.controller.wire.StandInService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark's services: {@code svc-001}..{@code svc-N} in cluster {@code bench}, each with its own ECS service,
 * CodeDeploy deployment group, alarm and target groups, so each has a release of its own in flight.
 */
final class BenchFleet {

    static final String REGISTRY = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/";

    private final List<StandInService> services;

    BenchFleet(int size) {
        this.services = IntStream.rangeClosed(1, size)
                .mapToObj(n -> StandInService.named("svc-%03d".formatted(n), "bench"))
                .toList();
    }

    List<StandInService> services() {
        return services;
    }

    /** The controller's {@code controller.services.*} for the fleet, as a properties file. */
    Path writeControllerConfig(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (StandInService s : services) {
            String p = "controller.services." + s.name() + ".";
            lines.add(p + "cluster=" + s.cluster());
            lines.add(p + "ecs-service=" + s.ecsService());
            lines.add(p + "application=" + s.application());
            lines.add(p + "deployment-group=" + s.deploymentGroup());
            lines.add(p + "container-name=" + s.name());
            lines.add(p + "container-port=3000");
            lines.add(p + "alarms[0]=" + s.alarm());
            lines.add(p + "image-repositories[0]=" + REGISTRY + s.name());
            lines.add(p + "variables.family=" + s.name());
            lines.add(p + "variables.cpu=256");
            lines.add(p + "variables.memory=512");
            lines.add(p + "variables.execution-role-arn=arn:aws:iam::123456789012:role/" + s.name() + "-execution");
            lines.add(p + "variables.task-role-arn=arn:aws:iam::123456789012:role/" + s.name() + "-task");
            lines.add(p + "variables.log-group=/ecs/" + s.name());
            lines.add(p + "variables.region=eu-central-1");
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, lines);
    }

    static String releaseBody(StandInService s) {
        return "{\"service\":\"" + s.name() + "\",\"image\":\"" + REGISTRY + s.name()
                + ":2.0.0\",\"description\":\"benchmark\"}";
    }
}

package dev.ecscanary.localaws.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registered task definition: what RegisterTaskDefinition returned ({@code described}) and the containers
 * the rehearsal needs to start a task from it.
 */
public record TaskDefinition(
        String arn,
        String family,
        int revision,
        Instant registeredAt,
        List<Container> containers,
        ObjectNode described) {

    /** One container definition: its image selects the demo-app variant; environment is passed to the process. */
    public record Container(String name, String image, Integer containerPort, Map<String, String> environment) {}

    public Optional<Container> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.RehearsalNames;
import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Task definitions by family and revision, as RegisterTaskDefinition creates them. */
public final class TaskDefinitionRegistry {

    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final RehearsalNames names;
    private final Map<String, TaskDefinition> byArn = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastRevision = new ConcurrentHashMap<>();

    public TaskDefinitionRegistry(RehearsalNames names) {
        this.names = names;
    }

    public synchronized TaskDefinition register(JsonNode request) {
        String family = Json.text(request, "family");
        if (family == null || family.isEmpty()) {
            throw AwsException.client("ClientException", "Family must be specified.");
        }
        if (!FAMILY.matcher(family).matches()) {
            throw AwsException.client(
                    "ClientException",
                    "Family contains invalid characters: up to 255 letters, numbers, hyphens, and underscores are allowed.");
        }
        JsonNode definitions = request.get("containerDefinitions");
        if (definitions == null || !definitions.isArray() || definitions.isEmpty()) {
            throw AwsException.client("ClientException", "Container list cannot be empty.");
        }
        List<TaskDefinition.Container> containers = new ArrayList<>();
        for (JsonNode definition : definitions) {
            containers.add(container(definition));
        }
        int revision = lastRevision.merge(family, 1, Integer::sum);
        String arn = names.arn("ecs", "task-definition/" + family + ":" + revision);
        Instant now = Instant.now();
        TaskDefinition taskDefinition = new TaskDefinition(
                arn, family, revision, now, List.copyOf(containers), describe(request, arn, revision, now));
        byArn.put(arn, taskDefinition);
        return taskDefinition;
    }

    public Optional<TaskDefinition> find(String arnOrFamilyRevision) {
        if (arnOrFamilyRevision == null) {
            return Optional.empty();
        }
        TaskDefinition exact = byArn.get(arnOrFamilyRevision);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(byArn.get(names.arn("ecs", "task-definition/" + arnOrFamilyRevision)));
    }

    private static TaskDefinition.Container container(JsonNode definition) {
        String name = Json.text(definition, "name");
        String image = Json.text(definition, "image");
        if (name == null || name.isEmpty()) {
            throw AwsException.client("ClientException", "Container.name should not be null or empty.");
        }
        if (image == null || image.isEmpty()) {
            throw AwsException.client("ClientException", "Container.image should not be null or empty.");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode env = definition.get("environment");
        if (env != null) {
            env.forEach(pair -> environment.put(Json.text(pair, "name"), Json.text(pair, "value")));
        }
        JsonNode mappings = definition.get("portMappings");
        Integer port =
                mappings != null && !mappings.isEmpty() && mappings.get(0).has("containerPort")
                        ? mappings.get(0).get("containerPort").asInt()
                        : null;
        return new TaskDefinition.Container(name, image, port, Map.copyOf(environment));
    }

    private static ObjectNode describe(JsonNode request, String arn, int revision, Instant registeredAt) {
        ObjectNode described = ((ObjectNode) request).deepCopy();
        described.remove("tags");
        described
                .put("taskDefinitionArn", arn)
                .put("revision", revision)
                .put("status", "ACTIVE")
                .put("registeredAt", Json.epochSeconds(registeredAt))
                .put("registeredBy", "arn:aws:iam::000000000000:user/rehearsal");
        described.putArray("compatibilities").add("EC2").add("FARGATE");
        return described;
    }
}

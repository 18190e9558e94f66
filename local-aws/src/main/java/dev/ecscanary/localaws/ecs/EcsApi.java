package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.AwsService;
import dev.ecscanary.localaws.wire.Json;
import dev.ecscanary.localaws.wire.Operations;
import dev.ecscanary.localaws.wire.Protocol;
import dev.ecscanary.localaws.wire.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** ECS (awsJson 1.1, AmazonEC2ContainerServiceV20141113): task definitions, the service and its task sets. */
public final class EcsApi implements AwsService {

    private static final ServiceSpec SPEC = new ServiceSpec(
            "ecs",
            "AmazonEC2ContainerServiceV20141113",
            "1.1",
            "2014-11-13",
            null,
            Set.of(Protocol.AWS_JSON),
            "ServerException",
            Map.of());

    private final TaskDefinitionRegistry taskDefinitions;
    private final EcsService service;
    private final Operations operations;

    public EcsApi(TaskDefinitionRegistry taskDefinitions, EcsService service) {
        this.taskDefinitions = taskDefinitions;
        this.service = service;
        this.operations = Operations.builder()
                .add("RegisterTaskDefinition", input -> registerTaskDefinition(input.tree()))
                .add("DescribeTaskDefinition", input -> describeTaskDefinition(input.tree()))
                .add("DescribeServices", input -> describeServices(input.tree()))
                .add("DescribeTaskSets", input -> describeTaskSets(input.tree()))
                .build();
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public Operations operations() {
        return operations;
    }

    private ObjectNode registerTaskDefinition(JsonNode request) {
        TaskDefinition registered = taskDefinitions.register(request);
        ObjectNode response = Json.object();
        response.set("taskDefinition", registered.described());
        response.putArray("tags");
        return response;
    }

    private ObjectNode describeTaskDefinition(JsonNode request) {
        String wanted = Json.text(request, "taskDefinition");
        if (wanted == null) {
            throw AwsException.client("ClientException", "TaskDefinition must be specified.");
        }
        TaskDefinition found = taskDefinitions
                .find(wanted)
                .orElseThrow(() -> AwsException.client("ClientException", "Unable to describe task definition."));
        ObjectNode response = Json.object();
        response.set("taskDefinition", found.described());
        return response;
    }

    private ObjectNode describeServices(JsonNode request) {
        requireCluster(request);
        JsonNode wanted = request.get("services");
        if (wanted == null || !wanted.isArray() || wanted.isEmpty()) {
            throw AwsException.client("InvalidParameterException", "Services cannot be empty.");
        }
        if (wanted.size() > 10) {
            throw AwsException.client(
                    "InvalidParameterException", "The number of services must be less than or equal to 10.");
        }
        ObjectNode response = Json.object();
        ArrayNode services = response.putArray("services");
        ArrayNode failures = response.putArray("failures");
        for (JsonNode name : wanted) {
            if (matchesService(name.asString())) {
                services.add(EcsJson.service(service));
            } else {
                String arn = name.asString().startsWith("arn:")
                        ? name.asString()
                        : service.names()
                                .arn("ecs", "service/" + service.names().cluster() + "/" + name.asString());
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            }
        }
        return response;
    }

    private ObjectNode describeTaskSets(JsonNode request) {
        requireCluster(request);
        String serviceName = Json.text(request, "service");
        if (serviceName == null) {
            throw AwsException.client("InvalidParameterException", "Service must be specified.");
        }
        if (!matchesService(serviceName)) {
            throw AwsException.client("ServiceNotFoundException", "Service not found.");
        }
        List<String> wanted = new ArrayList<>();
        JsonNode ids = request.get("taskSets");
        if (ids != null) {
            ids.forEach(id -> wanted.add(id.asString()));
        }
        ObjectNode response = Json.object();
        ArrayNode taskSets = response.putArray("taskSets");
        ArrayNode failures = response.putArray("failures");
        for (TaskSet taskSet : service.taskSets()) {
            if (wanted.isEmpty() || wanted.contains(taskSet.id()) || wanted.contains(taskSet.arn())) {
                taskSets.add(EcsJson.taskSet(service, taskSet));
            }
        }
        wanted.stream()
                .filter(w -> service.taskSets().stream()
                        .noneMatch(t -> t.id().equals(w) || t.arn().equals(w)))
                .forEach(w -> failures.addObject().put("arn", w).put("reason", "MISSING"));
        return response;
    }

    private void requireCluster(JsonNode request) {
        String cluster = Json.text(request, "cluster");
        String name = cluster == null ? "default" : cluster;
        if (!name.equals(service.names().cluster()) && !name.equals(service.clusterArn())) {
            throw AwsException.client("ClusterNotFoundException", "Cluster not found.");
        }
    }

    private boolean matchesService(String nameOrArn) {
        return nameOrArn.equals(service.names().service()) || nameOrArn.equals(service.arn());
    }
}

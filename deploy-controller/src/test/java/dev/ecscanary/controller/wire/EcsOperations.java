package dev.ecscanary.controller.wire;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** ECS's operations (awsJson 1.1): RegisterTaskDefinition and DescribeServices of CODE_DEPLOY services. */
final class EcsOperations {

    private final StandInWorld world;

    EcsOperations(StandInWorld world) {
        this.world = world;
    }

    String answer(WireCall call) {
        ObjectNode root = WireCall.JSON.createObjectNode();
        world.locked(() -> {
            switch (call.operation()) {
                case "RegisterTaskDefinition" -> register(call, root.putObject("taskDefinition"));
                case "DescribeServices" -> describe(call, root);
                default ->
                    throw StandInError.clientError(
                            "InvalidParameterException", "Unknown operation " + call.operation());
            }
            return null;
        });
        return WireCall.JSON.writeValueAsString(root);
    }

    private void register(WireCall call, ObjectNode taskDefinition) {
        String family = call.string("family");
        JsonNode containers = call.json().path("containerDefinitions");
        if (family == null || !containers.isArray() || containers.isEmpty()) {
            throw StandInError.clientError("ClientException", "family and containerDefinitions are required");
        }
        int revision =
                world.nextRevision(family, containers.get(0).path("image").asString(""));
        taskDefinition
                .put("taskDefinitionArn", arn(family, revision))
                .put("family", family)
                .put("revision", revision)
                .put("status", "ACTIVE")
                .put("registeredAt", CodeDeployOperations.epoch(world.clock.instant()));
        taskDefinition.set("containerDefinitions", containers);
        for (String member : List.of("networkMode", "cpu", "memory", "executionRoleArn", "taskRoleArn")) {
            if (call.string(member) != null) {
                taskDefinition.put(member, call.string(member));
            }
        }
    }

    private void describe(WireCall call, ObjectNode root) {
        String cluster = call.string("cluster");
        if (world.services().stream().noneMatch(s -> s.cluster().equals(cluster))) {
            throw StandInError.clientError("ClusterNotFoundException", "Cluster not found.");
        }
        ArrayNode services = root.putArray("services");
        ArrayNode failures = root.putArray("failures");
        for (String name : call.strings("services")) {
            world.byEcsService(cluster, name)
                    .ifPresentOrElse(
                            s -> service(s, services.addObject()),
                            () -> failures.addObject()
                                    .put(
                                            "arn",
                                            "arn:aws:ecs:" + StandInService.REGION + ":" + StandInService.ACCOUNT
                                                    + ":service/" + cluster + "/" + name)
                                    .put("reason", "MISSING"));
        }
    }

    private void service(StandInService s, ObjectNode service) {
        String live = arn(s.name(), 1);
        service.put("serviceArn", s.serviceArn())
                .put("serviceName", s.ecsService())
                .put("clusterArn", s.clusterArn())
                .put("status", "ACTIVE")
                .put("desiredCount", 2)
                .put("runningCount", 2)
                .put("pendingCount", 0)
                .put("launchType", "FARGATE")
                .put("taskDefinition", live);
        service.putObject("deploymentController").put("type", "CODE_DEPLOY");
        service.putArray("loadBalancers")
                .addObject()
                .put("targetGroupArn", s.targetGroupArn(s.blueTargetGroup()))
                .put("containerName", s.name())
                .put("containerPort", 3000);
        service.putArray("taskSets")
                .addObject()
                .put("id", "ecs-svc/1000000000000000001")
                .put("status", "PRIMARY")
                .put("taskDefinition", live)
                .put("computedDesiredCount", 2)
                .put("runningCount", 2)
                .putObject("scale")
                .put("value", 100.0)
                .put("unit", "PERCENT");
    }

    private static String arn(String family, int revision) {
        return "arn:aws:ecs:" + StandInService.REGION + ":" + StandInService.ACCOUNT + ":task-definition/" + family
                + ":" + revision;
    }
}

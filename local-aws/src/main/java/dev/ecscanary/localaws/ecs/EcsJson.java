package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.wire.Json;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of ECS's Service and TaskSet, with the SDK model's wire names. */
final class EcsJson {

    private EcsJson() {}

    static ObjectNode service(EcsService service) {
        ObjectNode json = Json.object()
                .put("serviceArn", service.arn())
                .put("serviceName", service.names().service())
                .put("clusterArn", service.clusterArn())
                .put("status", "ACTIVE")
                .put("desiredCount", service.desiredCount())
                .put(
                        "runningCount",
                        service.taskSets().stream()
                                .mapToLong(TaskSet::runningCount)
                                .sum())
                .put(
                        "pendingCount",
                        service.taskSets().stream()
                                .mapToLong(TaskSet::pendingCount)
                                .sum())
                .put("launchType", "FARGATE")
                .put("schedulingStrategy", "REPLICA")
                .put("createdAt", Json.epochSeconds(service.createdAt()));
        service.primary()
                .ifPresent(p -> json.put("taskDefinition", p.taskDefinition().arn()));
        json.putObject("deploymentController").put("type", "CODE_DEPLOY");
        service.primary()
                .ifPresent(p -> json.putArray("loadBalancers")
                        .addObject()
                        .put("targetGroupArn", p.targetGroup().arn())
                        .put("containerName", service.names().containerName())
                        .put("containerPort", service.names().containerPort()));
        var taskSets = json.putArray("taskSets");
        service.taskSets().forEach(t -> taskSets.add(taskSet(service, t)));
        json.putArray("deployments");
        json.putArray("events");
        return json;
    }

    static ObjectNode taskSet(EcsService service, TaskSet taskSet) {
        ObjectNode json = Json.object()
                .put("id", taskSet.id())
                .put("taskSetArn", taskSet.arn())
                .put("serviceArn", service.arn())
                .put("clusterArn", service.clusterArn())
                .put("status", taskSet.status())
                .put("taskDefinition", taskSet.taskDefinition().arn())
                .put("computedDesiredCount", taskSet.desiredCount())
                .put("pendingCount", taskSet.pendingCount())
                .put("runningCount", taskSet.runningCount())
                .put("createdAt", Json.epochSeconds(taskSet.createdAt()))
                .put("updatedAt", Json.epochSeconds(taskSet.updatedAt()))
                .put("launchType", "FARGATE")
                .put("platformVersion", "1.4.0")
                .put("platformFamily", "Linux")
                .put("stabilityStatus", taskSet.stabilityStatus())
                .put("stabilityStatusAt", Json.epochSeconds(taskSet.updatedAt()));
        if (taskSet.externalId() != null) {
            json.put("startedBy", "CODE_DEPLOY").put("externalId", taskSet.externalId());
        }
        json.putArray("loadBalancers")
                .addObject()
                .put("targetGroupArn", taskSet.targetGroup().arn())
                .put("containerName", service.names().containerName())
                .put("containerPort", service.names().containerPort());
        json.putObject("scale").put("value", taskSet.scalePercent()).put("unit", "PERCENT");
        return json;
    }
}

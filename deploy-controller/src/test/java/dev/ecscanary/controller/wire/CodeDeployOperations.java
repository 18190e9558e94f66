package dev.ecscanary.controller.wire;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CodeDeploy's operations (awsJson 1.1) on the stand-in's world, answered with the member names of the 2.40.2 model:
 * deployment groups, creating, reading, listing and stopping deployments, and their ECS targets.
 */
final class CodeDeployOperations {

    private static final List<String> LIFECYCLE = List.of(
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "AllowTestTraffic",
            "AfterAllowTestTraffic",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic");

    private final StandInWorld world;

    CodeDeployOperations(StandInWorld world) {
        this.world = world;
    }

    String answer(WireCall call) {
        return world.locked(() -> switch (call.operation()) {
            case "GetDeploymentGroup" ->
                json(root -> DeploymentGroupJson.write(group(call), root.putObject("deploymentGroupInfo")));
            case "CreateDeployment" -> json(root -> root.put("deploymentId", create(call).id));
            case "GetDeployment" ->
                json(root -> info(world.deployment(call.string("deploymentId")), root.putObject("deploymentInfo")));
            case "BatchGetDeployments" ->
                json(root -> {
                    ArrayNode infos = root.putArray("deploymentsInfo");
                    call.strings("deploymentIds").forEach(id -> info(world.deployment(id), infos.addObject()));
                });
            case "ListDeployments" -> json(root -> list(call, root.putArray("deployments")));
            case "BatchGetDeploymentTargets" ->
                json(root -> {
                    StandInDeployment d = world.deployment(call.string("deploymentId"));
                    ArrayNode targets = root.putArray("deploymentTargets");
                    call.strings("targetIds").forEach(target -> target(d, target, targets.addObject()));
                });
            case "GetDeploymentTarget" ->
                json(root -> target(
                        world.deployment(call.string("deploymentId")),
                        call.string("targetId"),
                        root.putObject("deploymentTarget")));
            case "ListDeploymentTargets" ->
                json(root -> root.putArray("targetIds")
                        .add(world.deployment(call.string("deploymentId"))
                                .service
                                .ecsTargetId()));
            case "StopDeployment" ->
                json(root -> {
                    world.stop(world.deployment(call.string("deploymentId")), call.bool("autoRollbackEnabled"));
                    root.put("status", "Pending").put("statusMessage", "Stop request is pending");
                });
            default -> throw StandInError.clientError("UnknownOperationException", call.operation());
        });
    }

    private StandInService group(WireCall call) {
        return world.byGroup(call.string("applicationName"), call.string("deploymentGroupName"))
                .orElseThrow(() -> StandInError.clientError(
                        "DeploymentGroupDoesNotExistException",
                        "No deployment group named " + call.string("deploymentGroupName")));
    }

    private StandInDeployment create(WireCall call) {
        JsonNode revision = call.json().path("revision");
        if (!"AppSpecContent".equals(revision.path("revisionType").asString(""))) {
            throw StandInError.clientError(
                    "InvalidRevisionException", "An ECS deployment needs an AppSpecContent revision");
        }
        return world.create(
                group(call),
                call.string("deploymentConfigName"),
                call.string("description"),
                revision.path("appSpecContent").path("content").asString(""));
    }

    private void list(WireCall call, ArrayNode ids) {
        StandInService service = group(call);
        JsonNode range = call.json().path("createTimeRange");
        Instant from = range.has("start") ? seconds(range.get("start")) : Instant.MIN;
        Instant to = range.has("end") ? seconds(range.get("end")) : Instant.MAX;
        world.deployments(service).stream()
                .filter(d -> !d.createdAt.isBefore(from) && !d.createdAt.isAfter(to))
                .forEach(d -> ids.add(d.id));
    }

    private void info(StandInDeployment d, ObjectNode info) {
        info.put("applicationName", d.service.application())
                .put("deploymentGroupName", d.service.deploymentGroup())
                .put("deploymentConfigName", d.deploymentConfig)
                .put("deploymentId", d.id)
                .put("status", d.status)
                .put("createTime", epoch(d.createdAt))
                .put("startTime", epoch(d.createdAt))
                .put("creator", d.isRollback() ? "codeDeployRollback" : "user")
                .put("computePlatform", "ECS");
        if (d.description != null) {
            info.put("description", d.description);
        }
        if (d.completedAt != null) {
            info.put("completeTime", epoch(d.completedAt));
        }
        if (d.errorCode != null) {
            info.putObject("errorInformation").put("code", d.errorCode).put("message", d.errorMessage);
        }
        if (d.rollbackId != null || d.rollbackOf != null) {
            ObjectNode rollback = info.putObject("rollbackInfo");
            if (d.rollbackId != null) {
                rollback.put("rollbackDeploymentId", d.rollbackId).put("rollbackMessage", d.rollbackMessage);
            } else {
                rollback.put("rollbackTriggeringDeploymentId", d.rollbackOf);
            }
        }
        info.putObject("deploymentStyle")
                .put("deploymentType", "BLUE_GREEN")
                .put("deploymentOption", "WITH_TRAFFIC_CONTROL");
        int green = world.green(d.service);
        info.putObject("deploymentOverview")
                .put("Pending", 0)
                .put("InProgress", d.isFinished() ? 0 : 1)
                .put("Succeeded", "Succeeded".equals(d.status) ? 1 : 0)
                .put("Failed", d.isFinished() && !"Succeeded".equals(d.status) ? 1 : 0)
                .put("Skipped", 0)
                .put("Ready", 0);
        info.put("instanceTerminationWaitTimeStarted", green == 100 && "Succeeded".equals(d.status));
    }

    private void target(StandInDeployment d, String targetId, ObjectNode holder) {
        if (!d.service.ecsTargetId().equals(targetId)) {
            throw StandInError.clientError("DeploymentTargetDoesNotExistException", "No target " + targetId);
        }
        int green = world.green(d.service);
        ObjectNode target = holder.put("deploymentTargetType", "ECSTarget").putObject("ecsTarget");
        target.put("deploymentId", d.id)
                .put("targetId", targetId)
                .put("targetArn", d.service.serviceArn())
                .put("lastUpdatedAt", epoch(world.clock.instant()))
                .put("status", targetStatus(d));
        ArrayNode events = target.putArray("lifecycleEvents");
        for (String name : LIFECYCLE) {
            events.addObject().put("lifecycleEventName", name).put("status", eventStatus(d, name, green));
        }
        ArrayNode taskSets = target.putArray("taskSetsInfo");
        String original = d.isRollback() ? d.service.greenTargetGroup() : d.service.blueTargetGroup();
        String replacement = d.isRollback() ? d.service.blueTargetGroup() : d.service.greenTargetGroup();
        int onReplacement = d.isRollback() ? 100 - green : green;
        taskSet(
                taskSets.addObject(),
                "ecs-svc/1" + d.id.substring(2),
                "Blue",
                original,
                100 - onReplacement,
                "PRIMARY");
        taskSet(taskSets.addObject(), "ecs-svc/2" + d.id.substring(2), "Green", replacement, onReplacement, "ACTIVE");
    }

    private static void taskSet(
            ObjectNode taskSet, String id, String label, String targetGroup, int weight, String status) {
        taskSet.put("identifer", id)
                .put("desiredCount", 2)
                .put("pendingCount", 0)
                .put("runningCount", 2)
                .put("status", status)
                .put("trafficWeight", (double) weight)
                .put("taskSetLabel", label)
                .putObject("targetGroup")
                .put("name", targetGroup);
    }

    private static String targetStatus(StandInDeployment d) {
        return switch (d.status) {
            case "Succeeded" -> "Succeeded";
            case "Stopped", "Failed" -> "Failed";
            default -> "InProgress";
        };
    }

    private static String eventStatus(StandInDeployment d, String event, int green) {
        int index = LIFECYCLE.indexOf(event);
        int allowTraffic = LIFECYCLE.indexOf("AllowTraffic");
        if ("Succeeded".equals(d.status) || index < allowTraffic) {
            return "Succeeded";
        }
        if (d.isFinished()) {
            return index == allowTraffic ? "Failed" : "Skipped";
        }
        return index == allowTraffic ? (green > 0 ? "InProgress" : "Pending") : "Pending";
    }

    private static String json(java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode root = WireCall.JSON.createObjectNode();
        fill.accept(root);
        return WireCall.JSON.writeValueAsString(root);
    }

    static double epoch(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private static Instant seconds(JsonNode epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds.asDouble() * 1000));
    }
}

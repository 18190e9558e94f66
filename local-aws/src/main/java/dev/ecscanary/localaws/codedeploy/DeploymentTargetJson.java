package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.ecs.TaskSet;
import dev.ecscanary.localaws.wire.Json;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of an ECS deployment target (DeploymentTarget with ECSTarget and its ECSTaskSet list). */
final class DeploymentTargetJson {

    private DeploymentTargetJson() {}

    static ObjectNode target(Deployment d, String targetId, String serviceArn) {
        EcsDeploymentTarget t = d.target();
        ObjectNode ecsTarget = Json.object()
                .put("deploymentId", d.id())
                .put("targetId", targetId)
                .put("targetArn", serviceArn)
                .put("status", t.status());
        putTime(ecsTarget, "lastUpdatedAt", t.lastUpdatedAt());
        ArrayNode events = ecsTarget.putArray("lifecycleEvents");
        for (LifecycleEvent event : t.lifecycleEvents()) {
            ObjectNode e =
                    events.addObject().put("lifecycleEventName", event.name()).put("status", event.status());
            putTime(e, "startTime", event.startTime());
            putTime(e, "endTime", event.endTime());
            if (event.diagnosticsCode() != null) {
                e.putObject("diagnostics")
                        .put("errorCode", "UnknownError")
                        .put("scriptName", "")
                        .put("message", event.diagnosticsMessage())
                        .put("logTail", "");
            }
        }
        ArrayNode taskSets = ecsTarget.putArray("taskSetsInfo");
        double replacementWeight = t.replacementWeight();
        if (t.original() != null) {
            taskSets.add(taskSetInfo(t.original(), 100 - replacementWeight, "Blue"));
        }
        if (t.replacement() != null) {
            taskSets.add(taskSetInfo(t.replacement(), replacementWeight, "Green"));
        }
        ObjectNode target = Json.object().put("deploymentTargetType", "ECSTarget");
        target.set("ecsTarget", ecsTarget);
        return target;
    }

    private static ObjectNode taskSetInfo(TaskSet taskSet, double weight, String label) {
        ObjectNode info = Json.object()
                .put("identifer", taskSet.id())
                .put("desiredCount", taskSet.desiredCount())
                .put("pendingCount", taskSet.pendingCount())
                .put("runningCount", taskSet.runningCount())
                .put("status", taskSet.status())
                .put("trafficWeight", weight)
                .put("taskSetLabel", label);
        info.putObject("targetGroup").put("name", taskSet.targetGroup().name());
        return info;
    }

    private static void putTime(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, Json.epochSeconds(instant));
        }
    }
}

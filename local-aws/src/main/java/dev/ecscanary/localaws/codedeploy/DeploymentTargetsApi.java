package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** ListDeploymentTargets, GetDeploymentTarget and BatchGetDeploymentTargets: an ECS deployment's one target. */
final class DeploymentTargetsApi {

    private final DeploymentLookup lookup;
    private final CodeDeployJson json;

    DeploymentTargetsApi(DeploymentLookup lookup, CodeDeployJson json) {
        this.lookup = lookup;
        this.json = json;
    }

    ObjectNode get(JsonNode request) {
        return CodeDeployApi.wrap(
                "deploymentTarget", json.target(lookup.started(request), targetId(Json.text(request, "targetId"))));
    }

    ObjectNode list(JsonNode request) {
        Deployment deployment = lookup.started(request);
        ObjectNode response = Json.object();
        ArrayNode ids = response.putArray("targetIds");
        JsonNode filters = request.get("targetFilters");
        JsonNode statuses = filters == null ? null : filters.get("TargetStatus");
        boolean matches = statuses == null
                || statuses.isEmpty()
                || statuses.valueStream()
                        .anyMatch(s -> s.asString().equals(deployment.target().status()));
        if (matches) {
            ids.add(json.targetId());
        }
        return response;
    }

    ObjectNode batchGet(JsonNode request) {
        Deployment deployment = lookup.started(request);
        JsonNode targetIds = request.get("targetIds");
        if (targetIds == null || targetIds.isEmpty()) {
            throw AwsException.client("DeploymentTargetIdRequiredException", "A deployment target ID is required.");
        }
        if (targetIds.size() > 25) {
            throw AwsException.client(
                    "DeploymentTargetListSizeExceededException",
                    "The maximum number of targets that can be requested is 25.");
        }
        ObjectNode response = Json.object();
        ArrayNode targets = response.putArray("deploymentTargets");
        targetIds.forEach(id -> targets.add(json.target(deployment, targetId(id.asString()))));
        return response;
    }

    private String targetId(String id) {
        if (id == null || id.isEmpty()) {
            throw AwsException.client("DeploymentTargetIdRequiredException", "A deployment target ID is required.");
        }
        if (!id.equals(json.targetId())) {
            throw AwsException.client(
                    "DeploymentTargetDoesNotExistException", "The deployment target " + id + " does not exist.");
        }
        return id;
    }
}

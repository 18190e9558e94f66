package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.AwsService;
import dev.ecscanary.localaws.wire.Json;
import dev.ecscanary.localaws.wire.Operations;
import dev.ecscanary.localaws.wire.Protocol;
import dev.ecscanary.localaws.wire.ServiceSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** CodeDeploy (awsJson 1.1, CodeDeploy_20141006) for the one ECS blue/green deployment group. */
public final class CodeDeployApi implements AwsService {

    private static final ServiceSpec SPEC = new ServiceSpec(
            "codedeploy",
            "CodeDeploy_20141006",
            "1.1",
            "2014-10-06",
            null,
            Set.of(Protocol.AWS_JSON),
            "InternalFailure",
            Map.of());

    private final Deployments deployments;
    private final CodeDeployJson json;
    private final DeploymentLookup lookup;
    private final Operations operations;

    public CodeDeployApi(Deployments deployments, CodeDeployJson json) {
        this.deployments = deployments;
        this.json = json;
        this.lookup = new DeploymentLookup(deployments);
        DeploymentTargetsApi targets = new DeploymentTargetsApi(lookup, json);
        this.operations = Operations.builder()
                .add("CreateDeployment", input -> createDeployment(input.tree()))
                .add("GetDeployment", input -> wrap("deploymentInfo", json.deployment(lookup.deployment(input.tree()))))
                .add("StopDeployment", input -> stopDeployment(input.tree()))
                .add("ContinueDeployment", input -> continueDeployment(input.tree()))
                .add("GetDeploymentGroup", input -> getDeploymentGroup(input.tree()))
                .add("ListDeployments", input -> listDeployments(input.tree()))
                .add("BatchGetDeployments", input -> batchGetDeployments(input.tree()))
                .add("ListDeploymentTargets", input -> targets.list(input.tree()))
                .add("GetDeploymentTarget", input -> targets.get(input.tree()))
                .add("BatchGetDeploymentTargets", input -> targets.batchGet(input.tree()))
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

    private ObjectNode createDeployment(JsonNode request) {
        lookup.checkGroup(request);
        JsonNode revision = request.get("revision");
        if (revision == null || revision.isNull()) {
            throw AwsException.client("RevisionRequiredException", "Revision is required.");
        }
        String revisionType = Json.text(revision, "revisionType");
        if (!"AppSpecContent".equals(revisionType) && !"String".equals(revisionType)) {
            throw AwsException.client(
                    "InvalidRevisionException",
                    "An Amazon ECS deployment's revision must be of revisionType AppSpecContent or String, not "
                            + revisionType + ".");
        }
        JsonNode content = revision.get("AppSpecContent".equals(revisionType) ? "appSpecContent" : "string");
        if (content == null || content.isNull()) {
            throw AwsException.client("InvalidRevisionException", "The revision has no AppSpec content.");
        }
        AppSpec appSpec = AppSpec.parse(Json.text(content, "content"), Json.text(content, "sha256"));
        String configName = Json.text(request, "deploymentConfigName");
        TrafficRouting routing = TrafficRouting.named(
                        configName != null ? configName : deployments.group().deploymentConfigName())
                .orElseThrow(() -> AwsException.client(
                        "DeploymentConfigDoesNotExistException",
                        "No deployment configuration found for name: " + configName));
        String description = Json.text(request, "description");
        JsonNode rollback = request.get("autoRollbackConfiguration");
        Boolean rollbackEnabled = rollback == null || rollback.isNull()
                ? null
                : rollback.path("enabled").asBoolean(false);
        List<String> rollbackEvents =
                rollback == null || rollback.isNull() ? null : rollbackEvents(rollback.get("events"));
        Deployment deployment =
                deployments.create(appSpec, revision, routing, description, rollbackEnabled, rollbackEvents);
        return Json.object().put("deploymentId", deployment.id());
    }

    private static List<String> rollbackEvents(JsonNode events) {
        List<String> result = new ArrayList<>();
        if (events != null) {
            for (JsonNode event : events) {
                if (!DeploymentGroup.ROLLBACK_EVENTS.contains(event.asString())) {
                    throw AwsException.client(
                            "InvalidAutoRollbackConfigException", "Unknown auto-rollback event " + event.asString());
                }
                result.add(event.asString());
            }
        }
        return result;
    }

    private ObjectNode stopDeployment(JsonNode request) {
        Deployment deployment = lookup.deployment(request);
        JsonNode rollback = request.get("autoRollbackEnabled");
        deployments.stop(deployment, rollback == null || rollback.isNull() || rollback.asBoolean());
        return Json.object()
                .put("status", "Pending")
                .put("statusMessage", "Stopping Pending. Stopping to deploy the deployment.");
    }

    private ObjectNode continueDeployment(JsonNode request) {
        Deployment deployment = lookup.deployment(request);
        String waitType = Json.text(request, "deploymentWaitType");
        if (waitType != null && !waitType.equals("TERMINATION_WAIT") && !waitType.equals("READY_WAIT")) {
            throw AwsException.client("InvalidDeploymentWaitTypeException", "Unknown deploymentWaitType " + waitType);
        }
        if ("TERMINATION_WAIT".equals(waitType)) {
            deployments.continueTermination(deployment);
        } else {
            deployments.continueReady(deployment);
        }
        return Json.object();
    }

    private ObjectNode getDeploymentGroup(JsonNode request) {
        lookup.checkGroup(request);
        return wrap("deploymentGroupInfo", json.deploymentGroup(deployments.group()));
    }

    private ObjectNode listDeployments(JsonNode request) {
        if (Json.text(request, "applicationName") != null || Json.text(request, "deploymentGroupName") != null) {
            lookup.checkGroup(request);
        }
        List<String> statuses = new ArrayList<>();
        if (request.has("includeOnlyStatuses")) {
            request.get("includeOnlyStatuses").forEach(s -> statuses.add(s.asString()));
        }
        JsonNode range = request.get("createTimeRange");
        Instant start = epoch(range, "start");
        Instant end = epoch(range, "end");
        ObjectNode response = Json.object();
        ArrayNode ids = response.putArray("deployments");
        deployments.all().stream()
                .filter(d -> statuses.isEmpty() || statuses.contains(d.status()))
                .filter(d -> start == null || !d.createTime().isBefore(start))
                .filter(d -> end == null || !d.createTime().isAfter(end))
                .sorted((a, b) -> b.createTime().compareTo(a.createTime()))
                .forEach(d -> ids.add(d.id()));
        return response;
    }

    private static Instant epoch(JsonNode range, String field) {
        JsonNode value = range == null ? null : range.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
    }

    private ObjectNode batchGetDeployments(JsonNode request) {
        JsonNode ids = request.get("deploymentIds");
        if (ids == null || ids.isEmpty()) {
            throw AwsException.client("DeploymentIdRequiredException", "At least one deployment ID is required.");
        }
        if (ids.size() > 25) {
            throw AwsException.client(
                    "BatchLimitExceededException", "The maximum number of deployment IDs in one request is 25.");
        }
        ObjectNode response = Json.object();
        ArrayNode infos = response.putArray("deploymentsInfo");
        for (JsonNode id : ids) {
            if (!id.asString().matches("d-[A-Z0-9]{9}")) {
                throw AwsException.client(
                        "InvalidDeploymentIdException", "The deployment ID " + id.asString() + " is not valid.");
            }
            deployments.find(id.asString()).ifPresent(d -> infos.add(json.deployment(d)));
        }
        return response;
    }

    static ObjectNode wrap(String field, ObjectNode value) {
        ObjectNode response = Json.object();
        response.set(field, value);
        return response;
    }
}

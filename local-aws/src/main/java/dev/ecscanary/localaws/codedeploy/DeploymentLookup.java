package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.Json;
import tools.jackson.databind.JsonNode;

/** Finds what a CodeDeploy request names (application, group, deployment), with CodeDeploy's errors when it cannot. */
final class DeploymentLookup {

    private final Deployments deployments;

    DeploymentLookup(Deployments deployments) {
        this.deployments = deployments;
    }

    Deployment deployment(JsonNode request) {
        String id = Json.text(request, "deploymentId");
        if (id == null || id.isEmpty()) {
            throw AwsException.client("DeploymentIdRequiredException", "A deployment ID is required.");
        }
        if (!id.matches("d-[A-Z0-9]{9}")) {
            throw AwsException.client("InvalidDeploymentIdException", "The deployment ID " + id + " is not valid.");
        }
        return deployments
                .find(id)
                .orElseThrow(() -> AwsException.client(
                        "DeploymentDoesNotExistException", "The deployment " + id + " could not be found."));
    }

    Deployment started(JsonNode request) {
        Deployment deployment = deployment(request);
        if ("Created".equals(deployment.status())) {
            throw AwsException.client(
                    "DeploymentNotStartedException", "The deployment " + deployment.id() + " has not started.");
        }
        return deployment;
    }

    void checkGroup(JsonNode request) {
        String application = Json.text(request, "applicationName");
        if (application == null || application.isEmpty()) {
            throw AwsException.client("ApplicationNameRequiredException", "The application name is required.");
        }
        if (!application.equals(deployments.group().applicationName())) {
            throw AwsException.client(
                    "ApplicationDoesNotExistException", "No application found for name: " + application);
        }
        String group = Json.text(request, "deploymentGroupName");
        if (group == null || group.isEmpty()) {
            throw AwsException.client("DeploymentGroupNameRequiredException", "The deployment group name is required.");
        }
        if (!group.equals(deployments.group().name())) {
            throw AwsException.client(
                    "DeploymentGroupDoesNotExistException", "No Deployment Group found for name: " + group);
        }
    }
}

package dev.ecscanary.controller.traffic;

/** A CodeDeploy deployment to create, with the rendered AppSpec as its revision. */
public record NewDeployment(
        String application,
        String deploymentGroup,
        String deploymentConfig,
        String appSpecContent,
        String appSpecSha256,
        String description) {}

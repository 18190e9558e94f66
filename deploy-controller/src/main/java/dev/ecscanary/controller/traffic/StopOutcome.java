package dev.ecscanary.controller.traffic;

/**
 * What StopDeployment answered.
 *
 * @param alreadyCompleted true when CodeDeploy said the deployment had already completed
 *                         ({@code DeploymentAlreadyCompletedException}): nothing was stopped
 * @param status           {@code Pending} or {@code Succeeded} when a stop was accepted
 */
public record StopOutcome(boolean alreadyCompleted, String status, String message) {}

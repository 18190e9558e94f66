package dev.ecscanary.controller.wire;

import java.time.Instant;

/**
 * A CodeDeploy deployment as the stand-in holds it. A release starts InProgress with its replacement installed at 0%;
 * a rollback deployment (creator {@code codeDeployRollback}) points back at the deployment it undoes.
 * Guarded by the {@link StandInWorld}'s lock.
 */
final class StandInDeployment {

    final String id;
    final StandInService service;
    final String deploymentConfig;
    final String description;
    final String appSpecContent;
    final Instant createdAt;
    /** For a rollback deployment: the deployment it rolls back; null for a release. */
    final String rollbackOf;

    String status = "InProgress";
    String errorCode;
    String errorMessage;
    String rollbackId;
    String rollbackMessage;
    Instant completedAt;

    StandInDeployment(
            String id,
            StandInService service,
            String deploymentConfig,
            String description,
            String appSpecContent,
            Instant createdAt,
            String rollbackOf) {
        this.id = id;
        this.service = service;
        this.deploymentConfig = deploymentConfig;
        this.description = description;
        this.appSpecContent = appSpecContent;
        this.createdAt = createdAt;
        this.rollbackOf = rollbackOf;
    }

    boolean isFinished() {
        return "Succeeded".equals(status) || "Failed".equals(status) || "Stopped".equals(status);
    }

    boolean isRollback() {
        return rollbackOf != null;
    }

    void end(String endStatus, String code, String message, Instant at) {
        status = endStatus;
        errorCode = code;
        errorMessage = message;
        completedAt = at;
    }
}

package dev.ecscanary.controller.traffic;

/** CodeDeploy's DeploymentStatus, as on the wire. */
public enum CodeDeployStatus {
    /** Accepted, not yet started. */
    CREATED,
    /** Waiting behind another deployment of the group. */
    QUEUED,
    /** Installing the replacement task set or shifting traffic. */
    IN_PROGRESS,
    /** All traffic shifted; waiting before the original task set is terminated. */
    BAKING,
    /** Waiting for a ContinueDeployment (manual traffic rerouting). */
    READY,
    /** Done: the replacement task set took all traffic. */
    SUCCEEDED,
    /** CodeDeploy failed it. */
    FAILED,
    /** Stopped by request or by an alarm. */
    STOPPED,
    /** A value this controller does not know; never treated as success. */
    UNKNOWN;

    public static CodeDeployStatus fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value) {
            case "Created" -> CREATED;
            case "Queued" -> QUEUED;
            case "InProgress" -> IN_PROGRESS;
            case "Baking" -> BAKING;
            case "Ready" -> READY;
            case "Succeeded" -> SUCCEEDED;
            case "Failed" -> FAILED;
            case "Stopped" -> STOPPED;
            default -> UNKNOWN;
        };
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == STOPPED;
    }
}

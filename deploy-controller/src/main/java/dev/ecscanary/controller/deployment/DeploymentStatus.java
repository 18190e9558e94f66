package dev.ecscanary.controller.deployment;

/** Where a release stands. A CI client tells success from rollback from error by this alone. */
public enum DeploymentStatus {
    /** Accepted; the task definition or the CodeDeploy deployment is not created yet. */
    PENDING,
    /** CodeDeploy is installing the replacement or shifting traffic to it, and the alarms are watched. */
    IN_PROGRESS,
    /** Stopped (by this controller or by CodeDeploy); traffic is being moved back to the original version. */
    ROLLING_BACK,
    /** Terminal: all traffic on the new version. */
    SUCCEEDED,
    /** Terminal: all traffic verified back on the original version. */
    ROLLED_BACK,
    /** Terminal: the release could not be carried out, or its rollback did not complete. */
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == FAILED;
    }
}

package dev.ecscanary.controller.traffic;

/** What ContinueDeployment(READY_WAIT) answered. */
public enum ContinueOutcome {
    /** Accepted: CodeDeploy starts rerouting production traffic. */
    CONTINUED,
    /** {@code DeploymentIsNotInReadyStateException}: the deployment is not waiting in READY_WAIT (any more). */
    NOT_READY,
    /** {@code DeploymentAlreadyCompletedException}: it ended, for instance because the wait ran out. */
    ALREADY_COMPLETED
}

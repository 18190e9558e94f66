package dev.ecscanary.controller.deployment;

/** Where this controller's one StopDeployment call for a deployment stands; it is written before the call is made. */
public enum StopState {
    /** No stop asked for. */
    NONE,
    /** Decided and recorded; the call's answer has not been seen (it may still be in flight, or have been lost). */
    REQUESTED,
    /** CodeDeploy accepted the stop. */
    ACCEPTED,
    /** CodeDeploy had already completed or stopped the deployment; nothing was stopped by us. */
    ALREADY_COMPLETED
}

package dev.ecscanary.controller.deployment;

/** How a traffic step ended. */
public enum PhaseOutcome {
    /** Traffic moved on to the next step. */
    ADVANCED,
    /** The release finished at this step. */
    SUCCEEDED,
    /** The release was stopped during this step and rolled back. */
    ROLLED_BACK,
    /** The release failed during this step. */
    FAILED
}

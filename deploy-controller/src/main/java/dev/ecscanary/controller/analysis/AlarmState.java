package dev.ecscanary.controller.analysis;

/** The state of a watched alarm. */
public enum AlarmState {
    /** Within its threshold. */
    OK,
    /** Breaching: the release hurts users. */
    ALARM,
    /** Not enough data to decide; handled by the configured policy, never silently a pass. */
    INSUFFICIENT_DATA,
    /** CloudWatch has no alarm of that name. */
    MISSING
}

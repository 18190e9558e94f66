package dev.ecscanary.controller.deployment;

/** A release refused before anything was created, with the reason a caller can act on. */
public class PreflightRefusal extends RuntimeException {

    /** Why; the API maps each to its own problem type and status. */
    public enum Reason {
        /** A watched alarm is already in ALARM: a release started now could not be judged (409). */
        ALARM_FIRING,
        /** A watched alarm does not exist in CloudWatch (422). */
        ALARM_MISSING,
        /** The ECS service does not exist (422). */
        ECS_SERVICE_NOT_FOUND,
        /** The ECS service is not deployed by CodeDeploy (422). */
        ECS_SERVICE_NOT_CODE_DEPLOY,
        /** The CodeDeploy application or deployment group does not exist (422). */
        DEPLOYMENT_GROUP_NOT_FOUND,
        /** The deployment group is not an ECS blue/green group with traffic control for this service (422). */
        DEPLOYMENT_GROUP_NOT_BLUE_GREEN
    }

    private final Reason reason;

    public PreflightRefusal(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

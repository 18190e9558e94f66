package dev.ecscanary.controller.deployment;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a line of a deployment's history says happened, and how much it should worry a person reading the page. The
 * store keeps the name as text, so a constant is renamed or removed only with a migration of the stored rows.
 */
public enum EventType {
    /** The release was accepted and stored. */
    ACCEPTED(Severity.NEUTRAL),
    /** The rendered task definition was registered with ECS. */
    TASK_DEFINITION_REGISTERED(Severity.NEUTRAL),
    /** CreateDeployment is about to be sent (saved first, so a restart looks for it before sending another). */
    CREATE_REQUESTED(Severity.NEUTRAL),
    /** CodeDeploy answered CreateDeployment with the deployment's id. */
    CODEDEPLOY_STARTED(Severity.NEUTRAL),
    /** An earlier CreateDeployment whose answer was lost was found by its marker; no second one is sent. */
    CODEDEPLOY_FOUND(Severity.NEUTRAL),
    /** CodeDeploy waits in READY_WAIT with the replacement on the test route: the pre-traffic check starts. */
    PRE_TRAFFIC_STARTED(Severity.NEUTRAL),
    /** The pre-traffic check passed: the replacement may take production traffic. */
    PRE_TRAFFIC_PASSED(Severity.GOOD),
    /** The pre-traffic check failed: the release is stopped before any user traffic reaches it. */
    PRE_TRAFFIC_FAILED(Severity.BAD),
    /** ContinueDeployment(READY_WAIT) is about to be sent (saved first, so a restart confirms it before resending). */
    CONTINUE_REQUESTED(Severity.NEUTRAL),
    /** CodeDeploy took the ContinueDeployment and starts moving production traffic. */
    CONTINUE_ACCEPTED(Severity.NEUTRAL),
    /** ContinueDeployment got no answer or was refused for now; CodeDeploy is watched and asked again. */
    CONTINUE_UNANSWERED(Severity.WARN),
    /** Traffic on the replacement moved to a new step. */
    PHASE_STARTED(Severity.NEUTRAL),
    /** A watched alarm is not OK (INSUFFICIENT_DATA, missing or unreadable): the inconclusive policy applies. */
    INCONCLUSIVE(Severity.WARN),
    /** Every watched alarm is OK again after an inconclusive spell. */
    CONCLUSIVE(Severity.NEUTRAL),
    /** This controller decided to stop the release and saved the decision before calling StopDeployment. */
    STOP_REQUESTED(Severity.BAD),
    /** CodeDeploy accepted the stop and rolls back. */
    STOP_ACCEPTED(Severity.BAD),
    /** CodeDeploy had already completed or stopped the deployment; nothing was stopped by us. */
    STOP_NOT_NEEDED(Severity.WARN),
    /** StopDeployment got no answer; CodeDeploy is watched for the stop. */
    STOP_UNANSWERED(Severity.BAD),
    /** No stop showed on CodeDeploy in time, so it was sent again. */
    STOP_RESENT(Severity.BAD),
    /** The release is rolling back (stopped by this controller or by CodeDeploy itself). */
    ROLLING_BACK(Severity.BAD),
    /** CodeDeploy's rollback deployment was found. */
    ROLLBACK_STARTED(Severity.BAD),
    /** AWS could not be reached or read; the message says which call. */
    AWS_UNAVAILABLE(Severity.BAD),
    /** AWS answers again. */
    AWS_AVAILABLE(Severity.NEUTRAL),
    /** CodeDeploy says the traffic moved, but the load balancer's listener could not be read to confirm it. */
    UNVERIFIED(Severity.WARN),
    /** Terminal: all traffic on the new version. */
    SUCCEEDED(Severity.GOOD),
    /** Terminal: all traffic verified back on the original version. */
    ROLLED_BACK(Severity.BAD),
    /** Terminal: the release could not be carried out, or its rollback did not complete. */
    FAILED(Severity.BAD),
    /** A name this version does not know, read back from the store (written by another version of the controller). */
    UNKNOWN(Severity.NEUTRAL);

    /** How the page colours an event. */
    public enum Severity {
        GOOD,
        NEUTRAL,
        WARN,
        BAD
    }

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final Severity severity;

    EventType(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The type stored under {@code name}; {@link #UNKNOWN} for a name this version does not know. */
    public static EventType named(String name) {
        return BY_NAME.getOrDefault(name, UNKNOWN);
    }

    /** The event that records a release ending in {@code terminal}. */
    static EventType finished(DeploymentStatus terminal) {
        return switch (terminal) {
            case SUCCEEDED -> SUCCEEDED;
            case ROLLED_BACK -> ROLLED_BACK;
            case FAILED -> FAILED;
            case PENDING, IN_PROGRESS, ROLLING_BACK ->
                throw new IllegalArgumentException(terminal + " is not a terminal status");
        };
    }
}

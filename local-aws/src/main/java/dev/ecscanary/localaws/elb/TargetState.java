package dev.ecscanary.localaws.elb;

/** ELBv2 TargetHealth states that the rehearsal models, with their wire value. */
public enum TargetState {
    /** Registered, health checks not yet passed (reason Elb.InitialHealthChecking). */
    INITIAL("initial", "Elb.InitialHealthChecking"),
    /** Passed the healthy threshold of consecutive health checks. */
    HEALTHY("healthy", null),
    /** Failed the unhealthy threshold of consecutive health checks (reason Target.FailedHealthChecks). */
    UNHEALTHY("unhealthy", "Target.FailedHealthChecks"),
    /** Deregistered, in-flight requests finishing during the deregistration delay. */
    DRAINING("draining", "Target.DeregistrationInProgress");

    private final String wire;
    private final String reason;

    TargetState(String wire, String reason) {
        this.wire = wire;
        this.reason = reason;
    }

    public String wire() {
        return wire;
    }

    public String reason() {
        return reason;
    }
}

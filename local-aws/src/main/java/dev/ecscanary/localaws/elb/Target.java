package dev.ecscanary.localaws.elb;

import java.util.concurrent.atomic.AtomicInteger;

/** One registered target: a task's loopback port, its health as the target group sees it, its open requests. */
public final class Target {

    private final String id;
    private final int port;
    private volatile TargetState state = TargetState.INITIAL;
    private int consecutiveSuccesses;
    private int consecutiveFailures;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Target(String id, int port) {
        this.id = id;
        this.port = port;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public TargetState state() {
        return state;
    }

    public AtomicInteger inFlight() {
        return inFlight;
    }

    synchronized void recordHealthCheck(boolean passed, HealthCheckSettings settings) {
        if (state == TargetState.DRAINING) {
            return;
        }
        if (passed) {
            consecutiveFailures = 0;
            if (++consecutiveSuccesses >= settings.healthyThreshold()) {
                state = TargetState.HEALTHY;
            }
        } else {
            consecutiveSuccesses = 0;
            if (++consecutiveFailures >= settings.unhealthyThreshold()) {
                state = TargetState.UNHEALTHY;
            }
        }
    }

    synchronized void drain() {
        state = TargetState.DRAINING;
    }
}

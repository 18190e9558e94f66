package dev.ecscanary.localaws.codedeploy;

import java.time.Instant;

/** One lifecycle event of an ECS deployment target, with its LifecycleEventStatus. */
public final class LifecycleEvent {

    private final String name;
    private volatile String status = "Pending";
    private volatile Instant startTime;
    private volatile Instant endTime;
    private volatile String diagnosticsCode;
    private volatile String diagnosticsMessage;

    LifecycleEvent(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public String diagnosticsCode() {
        return diagnosticsCode;
    }

    public String diagnosticsMessage() {
        return diagnosticsMessage;
    }

    void start() {
        startTime = Instant.now();
        status = "InProgress";
    }

    void succeed() {
        endTime = Instant.now();
        status = "Succeeded";
    }

    void fail(String code, String message) {
        endTime = Instant.now();
        status = "Failed";
        diagnosticsCode = code;
        diagnosticsMessage = message;
    }

    void skip() {
        status = "Skipped";
    }
}

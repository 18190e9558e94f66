package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.elb.Target;

/** One ECS task of a task set: its process, and the target the load balancer knows it by. */
public final class Task {

    private final String id;
    private final String arn;
    private final Target target;
    private volatile TaskLauncher.RunningTask process;
    private volatile String lastStatus = "PROVISIONING";
    private volatile String stoppedReason;

    public Task(String id, String arn, Target target) {
        this.id = id;
        this.arn = arn;
        this.target = target;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public Target target() {
        return target;
    }

    public String lastStatus() {
        return process != null && !process.isAlive() && stoppedReason == null ? "STOPPED" : lastStatus;
    }

    public String stoppedReason() {
        return stoppedReason;
    }

    void running(TaskLauncher.RunningTask process) {
        this.process = process;
        this.lastStatus = "RUNNING";
    }

    void serving() {
        TaskLauncher.RunningTask running = process;
        if (running != null) {
            running.serving();
        }
    }

    void failed(String reason) {
        this.stoppedReason = reason;
        this.lastStatus = "STOPPED";
    }

    void stop() {
        TaskLauncher.RunningTask running = process;
        if (running != null) {
            running.stop();
        }
        if (stoppedReason == null) {
            stoppedReason = "Scaling activity initiated by deployment";
        }
        lastStatus = "STOPPED";
    }
}

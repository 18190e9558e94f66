package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.elb.TargetGroup;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An ECS task set of a CODE_DEPLOY service: one task definition's tasks behind one target group. */
public final class TaskSet {

    private final String id;
    private final String arn;
    private final TaskDefinition taskDefinition;
    private final String image;
    private final TargetGroup targetGroup;
    private final String externalId;
    private final int desiredCount;
    private final Instant createdAt;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private volatile String status;
    private volatile Instant updatedAt;
    private volatile double scalePercent = 100;

    public TaskSet(
            String id,
            String arn,
            TaskDefinition taskDefinition,
            String image,
            TargetGroup targetGroup,
            String externalId,
            int desiredCount,
            String status) {
        this.id = id;
        this.arn = arn;
        this.taskDefinition = taskDefinition;
        this.image = image;
        this.targetGroup = targetGroup;
        this.externalId = externalId;
        this.desiredCount = desiredCount;
        this.status = status;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** The image of the container that receives traffic. */
    public String image() {
        return image;
    }

    public TargetGroup targetGroup() {
        return targetGroup;
    }

    /** The CodeDeploy deployment that created it, or null for the service's first task set. */
    public String externalId() {
        return externalId;
    }

    public int desiredCount() {
        return desiredCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public String status() {
        return status;
    }

    public double scalePercent() {
        return scalePercent;
    }

    void status(String status) {
        this.status = status;
        this.updatedAt = Instant.now();
    }

    public long runningCount() {
        return tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus())).count();
    }

    public long pendingCount() {
        return tasks.stream()
                .filter(t -> "PROVISIONING".equals(t.lastStatus()) || "PENDING".equals(t.lastStatus()))
                .count();
    }

    /** STEADY_STATE once every task runs and passes its target group's health checks. */
    public String stabilityStatus() {
        return runningCount() == desiredCount && targetGroup.allHealthy(desiredCount) ? "STEADY_STATE" : "STABILIZING";
    }
}

package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.ecs.TaskSet;
import java.time.Instant;
import java.util.List;

/**
 * The one target of an ECS deployment ({@code <cluster>:<service>}): its status, lifecycle events, and the
 * original (Blue) and replacement (Green) task sets with their production traffic weights.
 */
public final class EcsDeploymentTarget {

    private final List<LifecycleEvent> lifecycleEvents;
    private volatile String status = "Pending";
    private volatile Instant lastUpdatedAt = Instant.now();
    private volatile TaskSet original;
    private volatile TaskSet replacement;
    private volatile double replacementWeight;

    EcsDeploymentTarget(List<String> lifecycle) {
        this.lifecycleEvents = lifecycle.stream().map(LifecycleEvent::new).toList();
    }

    public List<LifecycleEvent> lifecycleEvents() {
        return lifecycleEvents;
    }

    public String status() {
        return status;
    }

    public Instant lastUpdatedAt() {
        return lastUpdatedAt;
    }

    public TaskSet original() {
        return original;
    }

    public TaskSet replacement() {
        return replacement;
    }

    public double replacementWeight() {
        return replacementWeight;
    }

    LifecycleEvent event(String name) {
        return lifecycleEvents.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    void status(String status) {
        this.status = status;
        touch();
    }

    void taskSets(TaskSet original, TaskSet replacement) {
        this.original = original;
        this.replacement = replacement;
        touch();
    }

    void replacementWeight(double weight) {
        this.replacementWeight = weight;
        touch();
    }

    /** Marks the running event Failed and the ones not reached Skipped. */
    void failRemaining(String code, String message) {
        for (LifecycleEvent event : lifecycleEvents) {
            if ("InProgress".equals(event.status())) {
                event.fail(code, message);
            } else if ("Pending".equals(event.status())) {
                event.skip();
            }
        }
        touch();
    }

    void touch() {
        lastUpdatedAt = Instant.now();
    }
}

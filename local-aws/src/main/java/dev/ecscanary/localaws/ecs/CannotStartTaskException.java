package dev.ecscanary.localaws.ecs;

/** A task set's tasks could not start, as when ECS cannot pull the image (CannotPullContainerError). */
public class CannotStartTaskException extends RuntimeException {

    public CannotStartTaskException(String message) {
        super(message);
    }
}

package dev.ecscanary.controller.deployment;

import java.util.UUID;

/** Another writer saved the deployment since it was read; the change must be made again on a fresh read. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(UUID id) {
        super("Deployment " + id + " was changed concurrently");
    }
}

package dev.ecscanary.controller.deployment;

import java.util.UUID;

/** No deployment has that id. */
public class DeploymentNotFoundException extends RuntimeException {

    public DeploymentNotFoundException(UUID id) {
        super("No deployment " + id);
    }
}

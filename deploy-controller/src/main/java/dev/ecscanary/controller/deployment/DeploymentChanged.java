package dev.ecscanary.controller.deployment;

import java.util.UUID;

/**
 * Published after a deployment's new state is committed to the store: what live views (the status page's event
 * streams) listen to. {@code version} grows with every save of the deployment; {@code deployment} is a copy of it as
 * committed (without its event history when it was read without, see {@link Deployment#hasHistory()}).
 */
public record DeploymentChanged(
        UUID id, String service, DeploymentStatus status, long version, Deployment deployment) {}

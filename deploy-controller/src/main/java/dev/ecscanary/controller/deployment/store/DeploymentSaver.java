package dev.ecscanary.controller.deployment.store;

import dev.ecscanary.controller.deployment.Deployment;

/**
 * Saves what changed of a deployment, in one transaction. The reconciler's steps save through this (a decision to stop
 * is saved before the call it leads to); {@link DeploymentWrites} is the one in the application.
 */
public interface DeploymentSaver {

    /** @throws dev.ecscanary.controller.deployment.ConcurrentChangeException when another writer saved it first */
    void save(Deployment d);
}

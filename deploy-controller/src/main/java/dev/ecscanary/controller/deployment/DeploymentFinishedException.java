package dev.ecscanary.controller.deployment;

/** The deployment has already finished; there is nothing left to roll back. */
public class DeploymentFinishedException extends RuntimeException {

    public DeploymentFinishedException(Deployment d) {
        super("Deployment " + d.id() + " already finished as " + d.status());
    }
}

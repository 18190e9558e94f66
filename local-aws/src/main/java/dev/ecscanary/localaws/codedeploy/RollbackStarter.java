package dev.ecscanary.localaws.codedeploy;

/** Creates the rollback deployment for a stopped or failed one, and starts it. */
interface RollbackStarter {

    /** Registers the rollback deployment and links both ways, before the triggering one is marked final. */
    Deployment prepare(Deployment triggering, String reason);

    void start(Deployment rollback, Deployment triggering);
}

package dev.ecscanary.localaws.codedeploy;

/** Thrown inside a running deployment when it must stop (StopDeployment, or an alarm in ALARM). */
final class DeploymentStopped extends Exception {

    private final transient StopRequest request;

    DeploymentStopped(StopRequest request) {
        super(request.message(), null, false, false);
        this.request = request;
    }

    StopRequest request() {
        return request;
    }
}

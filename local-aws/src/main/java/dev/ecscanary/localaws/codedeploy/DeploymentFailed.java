package dev.ecscanary.localaws.codedeploy;

/** Thrown inside a running deployment when a step fails; the code is a CodeDeploy ErrorCode. */
final class DeploymentFailed extends Exception {

    private final String code;

    DeploymentFailed(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}

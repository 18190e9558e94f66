package dev.ecscanary.controller.aws;

/**
 * AWS answered, and said no: a client error that retrying will not fix (validation, missing resource,
 * a deployment already completed). {@link #errorCode()} is AWS's error code, e.g. {@code DeploymentAlreadyCompletedException}.
 */
public class AwsRequestRejectedException extends RuntimeException {

    private final String service;
    private final String operation;
    private final String errorCode;

    public AwsRequestRejectedException(
            String service, String operation, String errorCode, String message, Throwable cause) {
        super(service + " " + operation + " rejected (" + errorCode + "): " + message, cause);
        this.service = service;
        this.operation = operation;
        this.errorCode = errorCode;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }
}

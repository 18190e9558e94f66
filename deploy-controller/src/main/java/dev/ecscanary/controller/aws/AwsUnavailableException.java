package dev.ecscanary.controller.aws;

/**
 * An AWS call that could not be answered: throttled or failed with a 5xx past the SDK's retries, timed out,
 * or refused locally because the service's circuit breaker is open. The caller must treat what it wanted to
 * learn as unknown, never as a pass.
 */
public class AwsUnavailableException extends RuntimeException {

    private final String service;
    private final String operation;

    public AwsUnavailableException(String service, String operation, String detail, Throwable cause) {
        super(service + " " + operation + " unavailable: " + detail, cause);
        this.service = service;
        this.operation = operation;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }
}

package dev.ecscanary.controller.deployment;

/** No service of that name is configured. */
public class UnknownServiceException extends RuntimeException {

    public UnknownServiceException(String service) {
        super("No service named '" + service + "' is configured");
    }
}

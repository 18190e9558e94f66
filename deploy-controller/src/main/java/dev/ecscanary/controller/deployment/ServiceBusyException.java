package dev.ecscanary.controller.deployment;

import java.util.UUID;

/** The service already has a release in flight; {@link #inFlight()} names it (null if it finished meanwhile). */
public class ServiceBusyException extends RuntimeException {

    private final UUID inFlight;

    public ServiceBusyException(String service, UUID inFlight) {
        super("Service '" + service + "' already has deployment " + inFlight + " in flight");
        this.inFlight = inFlight;
    }

    public UUID inFlight() {
        return inFlight;
    }
}

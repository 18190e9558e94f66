package dev.ecscanary.controller.pretraffic;

/** A pre-traffic check that cannot run as configured; the message names the property and what is wrong. */
public final class InvalidCheckException extends RuntimeException {

    public InvalidCheckException(String message) {
        super(message);
    }
}

package dev.ecscanary.controller.deployment;

/** An idempotency key sent again with a different request. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request");
    }
}

package dev.ecscanary.controller.deployment.store;

/** Two requests with one idempotency key raced; the loser answers with what the winner stored. */
public class IdempotencyRaceException extends RuntimeException {

    public IdempotencyRaceException(String key) {
        super("Idempotency key '" + key + "' was taken by a concurrent request");
    }
}

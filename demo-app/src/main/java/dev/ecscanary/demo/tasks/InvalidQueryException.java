package dev.ecscanary.demo.tasks;

/** A query parameter of the list (page size, cursor) that is out of range or malformed. */
public class InvalidQueryException extends RuntimeException {

    InvalidQueryException(String message) {
        super(message);
    }
}

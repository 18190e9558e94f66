package dev.ecscanary.demo.tasks;

import java.util.List;
import java.util.stream.Collectors;

/** A task document that cannot be stored; lists every field that is wrong, not only the first. */
public class InvalidTaskException extends RuntimeException {

    private final List<InvalidField> errors;

    InvalidTaskException(List<InvalidField> errors) {
        super(errors.stream().map(InvalidField::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<InvalidField> errors() {
        return errors;
    }
}

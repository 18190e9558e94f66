package dev.ecscanary.controller.api;

/** One request field that is wrong, found after bean validation (e.g. an image reference that does not parse). */
class FieldProblem extends RuntimeException {

    private final String field;

    FieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}

package dev.ecscanary.demo.tasks;

/** One thing wrong with a task document: the field (empty for the document itself) and what is wrong. */
public record InvalidField(String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}

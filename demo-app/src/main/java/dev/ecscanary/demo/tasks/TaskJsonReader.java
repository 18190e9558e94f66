package dev.ecscanary.demo.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a whole task document (the body of a create or a replace, or the result of a merge patch) into a
 * {@link TaskDraft}, strictly: no type coercion, no unknown fields. Absent {@code description} means none,
 * absent {@code completed} means false. Read-only fields a client echoes back are ignored.
 */
final class TaskJsonReader {

    static final int TITLE_MAX_LENGTH = 255;
    private static final Set<String> WRITABLE = Set.of("title", "description", "completed");
    private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at");

    private TaskJsonReader() {}

    static TaskDraft read(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidTaskException(
                    List.of(new InvalidField("", "the body must be a JSON object, got " + typeOf(document))));
        }
        List<InvalidField> errors = new ArrayList<>();
        for (String name : document.propertyNames()) {
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                errors.add(new InvalidField(
                        name, "is not a field of a task (writable fields: title, description, completed)"));
            }
        }
        String title = readTitle(document.get("title"), errors);
        String description = readDescription(document.get("description"), errors);
        boolean completed = readCompleted(document.get("completed"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
        return new TaskDraft(title, description, completed);
    }

    private static String readTitle(JsonNode node, List<InvalidField> errors) {
        if (node == null || node.isNull()) {
            errors.add(new InvalidField("title", "is required"));
            return null;
        }
        if (!node.isString()) {
            errors.add(new InvalidField("title", "must be a string, got " + typeOf(node)));
            return null;
        }
        String title = node.stringValue();
        int length = title.codePointCount(0, title.length());
        if (title.isBlank()) {
            errors.add(new InvalidField("title", "must not be blank"));
        } else if (length > TITLE_MAX_LENGTH) {
            errors.add(new InvalidField("title", "must be at most " + TITLE_MAX_LENGTH + " characters, got " + length));
        } else if (title.indexOf('\0') >= 0) {
            errors.add(new InvalidField("title", "must not contain NUL characters"));
        }
        return title;
    }

    private static String readDescription(JsonNode node, List<InvalidField> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new InvalidField("description", "must be a string or null, got " + typeOf(node)));
            return null;
        }
        if (node.stringValue().indexOf('\0') >= 0) {
            errors.add(new InvalidField("description", "must not contain NUL characters"));
        }
        return node.stringValue();
    }

    private static boolean readCompleted(JsonNode node, List<InvalidField> errors) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new InvalidField("completed", "must be true or false, got " + typeOf(node)));
            return false;
        }
        return node.booleanValue();
    }

    private static String typeOf(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}

package dev.ecscanary.localaws.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An operation's input structure, whichever protocol carried it. Query parameters arrive as text, JSON and CBOR
 * as typed values; the typed reads here accept both, so an operation reads its input the same way for all.
 */
public final class Input {

    private final JsonNode node;

    public Input(JsonNode node) {
        this.node = node == null || node.isNull() ? Json.object() : node;
    }

    /** The raw tree, for services that speak only AWS JSON and read it directly. */
    public JsonNode tree() {
        return node;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** A member's text, or null when absent. */
    public String text(String name) {
        return has(name) ? node.get(name).asString() : null;
    }

    public String required(String name) {
        String value = text(name);
        if (value == null || value.isEmpty()) {
            throw AwsException.client(
                    "ValidationError",
                    "1 validation error detected: Value null at '" + lowerFirst(name)
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public Integer integer(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        try {
            return Integer.valueOf(value.asString());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "integer");
        }
    }

    public boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asString());
    }

    /** A required timestamp: epoch seconds (JSON, CBOR tag 1) or ISO 8601 text (query). */
    public Instant instant(String name) {
        required(name);
        JsonNode value = node.get(name);
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000));
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } catch (RuntimeException e) {
            throw invalid(name, value, "timestamp");
        }
    }

    /** A list of strings; absent, or query's empty {@code Name=}, is an empty list. */
    public List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        elements(name).forEach(value -> result.add(value.asString()));
        return result;
    }

    public List<Input> structures(String name) {
        List<Input> result = new ArrayList<>();
        elements(name).forEach(value -> result.add(new Input(value)));
        return result;
    }

    /** A nested structure; absent is an empty one. */
    public Input structure(String name) {
        return new Input(node.get(name));
    }

    private List<JsonNode> elements(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return value.valueStream().filter(v -> !v.isNull()).toList();
    }

    private static AwsException invalid(String name, JsonNode value, String type) {
        return AwsException.client(
                "ValidationError",
                "Value '" + value.asString() + "' at '" + lowerFirst(name) + "' is not a valid " + type);
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

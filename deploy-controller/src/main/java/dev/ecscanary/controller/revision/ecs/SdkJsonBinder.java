package dev.ecscanary.controller.revision.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Fills an SDK request builder from JSON in the AWS CLI's {@code --cli-input-json} shape, by walking the SDK
 * model's own field descriptions ({@link SdkPojo#sdkFields()}), so every member the service accepts is accepted
 * here too. Keys are the awsJson wire names ({@link SdkField#locationName()}), which are the CLI's keys.
 * An unknown key or a value of the wrong type is an {@link IllegalArgumentException} naming its path.
 */
final class SdkJsonBinder {

    private SdkJsonBinder() {}

    /** @param builder a model's builder factory, e.g. {@code RegisterTaskDefinitionRequest::builder} */
    @SuppressWarnings("unchecked")
    static <T> T bind(JsonNode json, Supplier<? extends SdkPojo> builder) {
        return (T) build(bindStructure(json, builder, ""));
    }

    private static Object build(SdkPojo builder) {
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static SdkPojo bindStructure(JsonNode json, Supplier<? extends SdkPojo> constructor, String path) {
        if (!json.isObject()) {
            throw mismatch(path.isEmpty() ? "(root)" : path, "an object", json);
        }
        SdkPojo builder = constructor.get();
        Map<String, SdkField<?>> fields = builder.sdkFields().stream()
                .collect(
                        Collectors.toMap(SdkField::locationName, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                throw new IllegalArgumentException("unknown field '" + memberPath + "' (not a member of "
                        + builder.getClass().getEnclosingClass().getSimpleName() + "; known: " + fields.keySet() + ")");
            }
            if (!member.getValue().isNull()) {
                field.set(builder, value(field, member.getValue(), memberPath));
            }
        }
        return builder;
    }

    private static Object value(SdkField<?> field, JsonNode json, String path) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            throw new IllegalArgumentException(
                    "field '" + path + "' has a type this binder does not support: " + field.marshallingType());
        }
        return switch (type) {
            case STRING -> requireThat(json.isString(), json, path, "a string").stringValue();
            case INTEGER ->
                requireThat(json.isIntegralNumber() && json.canConvertToInt(), json, path, "an integer")
                        .intValue();
            case LONG ->
                requireThat(json.isIntegralNumber() && json.canConvertToLong(), json, path, "an integer")
                        .longValue();
            case DOUBLE -> requireThat(json.isNumber(), json, path, "a number").doubleValue();
            case FLOAT ->
                (float) requireThat(json.isNumber(), json, path, "a number").doubleValue();
            case BOOLEAN ->
                requireThat(json.isBoolean(), json, path, "true or false").booleanValue();
            case SDK_POJO -> build(bindStructure(json, field.constructor(), path));
            case LIST -> list(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), json, path);
            case MAP -> map(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), json, path);
            default ->
                throw new IllegalArgumentException(
                        "field '" + path + "' has a type this binder does not support: " + type);
        };
    }

    private static List<Object> list(SdkField<?> member, JsonNode json, String path) {
        requireThat(json.isArray(), json, path, "an array");
        List<Object> values = new ArrayList<>();
        int index = 0;
        for (JsonNode element : json.values()) {
            values.add(value(member, element, path + "[" + index++ + "]"));
        }
        return values;
    }

    private static Map<String, Object> map(SdkField<?> valueField, JsonNode json, String path) {
        requireThat(json.isObject(), json, path, "an object");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            values.put(entry.getKey(), value(valueField, entry.getValue(), path + "." + entry.getKey()));
        }
        return values;
    }

    private static JsonNode requireThat(boolean condition, JsonNode json, String path, String expected) {
        if (!condition) {
            throw mismatch(path, expected, json);
        }
        return json;
    }

    private static IllegalArgumentException mismatch(String path, String expected, JsonNode json) {
        return new IllegalArgumentException("field '" + path + "' must be " + expected + ", got "
                + json.getNodeType().name().toLowerCase() + ": " + json);
    }
}

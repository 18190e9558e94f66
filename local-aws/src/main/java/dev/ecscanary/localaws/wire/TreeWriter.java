package dev.ecscanary.localaws.wire;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** Writes an output tree to a JSON or CBOR generator, each protocol writing timestamps its own way. */
final class TreeWriter {

    private final BiConsumer<JsonGenerator, Instant> timestamps;

    TreeWriter(BiConsumer<JsonGenerator, Instant> timestamps) {
        this.timestamps = timestamps;
    }

    void write(JsonGenerator out, JsonNode node) {
        Instant instant = Output.instant(node);
        if (instant != null) {
            timestamps.accept(out, instant);
        } else if (node.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getValue().isNull()) {
                    continue;
                }
                out.writeName(member.getKey());
                write(out, member.getValue());
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (node.isIntegralNumber()) {
            out.writeNumber(node.longValue());
        } else if (node.isNumber()) {
            out.writeNumber(node.doubleValue());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            out.writeNull();
        } else {
            out.writeString(node.asString());
        }
    }
}

package dev.ecscanary.localaws.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * Timestamps in an output tree. Each protocol writes them its own way (query: ISO 8601; AWS JSON: epoch seconds;
 * CBOR: tag 1 over epoch seconds), so operations put them in as {@link Instant} POJO nodes and leave the rest to
 * the protocol.
 */
public final class Output {

    private Output() {}

    /** Puts {@code instant} (millisecond precision) under {@code name}; null puts nothing. */
    public static ObjectNode timestamp(ObjectNode node, String name, Instant instant) {
        if (instant != null) {
            node.putPOJO(name, instant.truncatedTo(ChronoUnit.MILLIS));
        }
        return node;
    }

    /** The instant a node holds, or null when it is not a timestamp. */
    public static Instant instant(JsonNode node) {
        return node instanceof POJONode pojo && pojo.getPojo() instanceof Instant instant ? instant : null;
    }
}

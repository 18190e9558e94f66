package dev.ecscanary.localaws.wire;

import tools.jackson.databind.node.ObjectNode;

/**
 * One AWS operation, written once for every protocol its service speaks: it reads the input structure (decoded
 * from JSON, CBOR or query parameters into the same tree) and returns the output structure, which the protocol
 * encodes back. Timestamps in the output are {@link java.time.Instant} POJO nodes (see {@link Output#timestamp}).
 */
@FunctionalInterface
public interface Operation {

    ObjectNode handle(Input input);
}

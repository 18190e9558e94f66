package dev.ecscanary.localaws.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A query-protocol request body, {@code Action=..&Version=..&Name.member.N=..&Struct.Field=..}, turned into the
 * same input tree JSON and CBOR give: {@code Name.member.N} (N from 1) becomes a list, {@code A.B} a structure.
 * Values stay text; {@link Input} reads them as numbers, booleans or timestamps where asked.
 */
final class QueryForm {

    private final Map<String, String> values = new LinkedHashMap<>();

    QueryForm(String body) {
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                values.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
    }

    String get(String name) {
        return values.get(name);
    }

    /** Every parameter but Action and Version, as a tree. */
    ObjectNode tree() {
        ObjectNode root = Json.object();
        values.forEach((key, value) -> {
            if (!key.equals("Action") && !key.equals("Version")) {
                put(root, key.split("\\."), 0, value);
            }
        });
        return root;
    }

    private static void put(ObjectNode node, String[] path, int at, String value) {
        String name = path[at];
        if (at == path.length - 1) {
            if (!node.has(name)) {
                node.put(name, value);
            }
        } else if (path[at + 1].equals("member") && at + 2 < path.length && isIndex(path[at + 2])) {
            ArrayNode list = node.get(name) instanceof ArrayNode existing ? existing : node.putArray(name);
            int index = Integer.parseInt(path[at + 2]) - 1;
            while (list.size() <= index) {
                list.addNull();
            }
            if (at + 2 == path.length - 1) {
                list.set(index, list.stringNode(value));
            } else {
                ObjectNode element = list.get(index) instanceof ObjectNode existing ? existing : Json.object();
                list.set(index, element);
                put(element, path, at + 3, value);
            }
        } else {
            JsonNode child = node.get(name);
            ObjectNode structure = child instanceof ObjectNode existing ? existing : node.putObject(name);
            put(structure, path, at + 1, value);
        }
    }

    private static boolean isIndex(String segment) {
        return segment.matches("[1-9][0-9]{0,5}");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

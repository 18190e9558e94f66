package dev.ecscanary.localaws.wire;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An output tree as the query protocol's XML: structures as elements, lists as {@code <member>} elements,
 * timestamps in ISO 8601.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(1024);

    /** The members of {@code structure} as child elements. */
    XmlWriter members(JsonNode structure) {
        for (Map.Entry<String, JsonNode> member : structure.properties()) {
            element(member.getKey(), member.getValue());
        }
        return this;
    }

    private void element(String name, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        out.append('<').append(name).append('>');
        content(value);
        out.append("</").append(name).append('>');
    }

    private void content(JsonNode value) {
        Instant instant = Output.instant(value);
        if (instant != null) {
            out.append(instant);
        } else if (value.isObject()) {
            members(value);
        } else if (value.isArray()) {
            value.forEach(element -> element("member", element));
        } else {
            out.append(escape(value.asString()));
        }
    }

    XmlWriter raw(String xml) {
        out.append(xml);
        return this;
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

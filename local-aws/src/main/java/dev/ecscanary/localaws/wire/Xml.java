package dev.ecscanary.localaws.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** A small writer for the query protocol's XML answers. */
public final class Xml {

    private final StringBuilder out = new StringBuilder(512);

    public Xml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant instant ? timestamp(instant) : String.valueOf(value);
        out.append('<')
                .append(name)
                .append('>')
                .append(escape(text))
                .append("</")
                .append(name)
                .append('>');
        return this;
    }

    public Xml element(String name, Consumer<Xml> children) {
        out.append('<').append(name).append('>');
        children.accept(this);
        out.append("</").append(name).append('>');
        return this;
    }

    /** A list as the query protocol writes it: {@code <Name><member>..</member>..</Name>}. */
    public <T> Xml members(String name, Iterable<T> items, java.util.function.BiConsumer<Xml, T> member) {
        out.append('<').append(name).append('>');
        for (T item : items) {
            out.append("<member>");
            member.accept(this, item);
            out.append("</member>");
        }
        out.append("</").append(name).append('>');
        return this;
    }

    public Xml raw(String text) {
        out.append(text);
        return this;
    }

    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public static String escape(String text) {
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

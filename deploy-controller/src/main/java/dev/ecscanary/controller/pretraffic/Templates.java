package dev.ecscanary.controller.pretraffic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The placeholders ({@code {{name}}}) of a check's paths, bodies and expected values. Two opening braces never
 * follow each other in valid JSON, so a body needs no escaping of its own braces.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*}}");

    private Templates() {}

    /** The names a template refers to, in order of first use. */
    static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Fills every placeholder with its value, passed through {@code escape}; every name must have a value. */
    static String render(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        return m.appendTail(out).toString();
    }

    static String plain(String value) {
        return value;
    }

    /** For a value inside a JSON string: the characters JSON requires escaped are escaped (Jackson's encoder). */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length());
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.toString();
    }

    /** For a value inside a path segment or query value. */
    static String urlComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

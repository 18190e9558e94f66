package dev.ecscanary.localaws.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flattened parameters of a query-protocol request. Lists are {@code Name.member.N} (N from 1), structures
 * {@code Name.Field}; {@link #scope(String)} views a nested structure under a prefix.
 */
public final class QueryParams {

    private final Map<String, String> values;
    private final String prefix;

    private QueryParams(Map<String, String> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    public static QueryParams parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return new QueryParams(values, "");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String get(String name) {
        return values.get(prefix + name);
    }

    public String required(String name) {
        String value = get(name);
        if (value == null || value.isEmpty()) {
            throw AwsException.client(
                    "ValidationError",
                    "1 validation error detected: Value null at '" + lowerFirst(name)
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public Integer integer(String name) {
        String value = get(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw AwsException.client(
                    "ValidationError", "Value '" + value + "' at '" + lowerFirst(name) + "' is not a valid integer");
        }
    }

    public Instant instant(String name) {
        String value = required(name);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            throw AwsException.client(
                    "ValidationError", "Value '" + value + "' at '" + lowerFirst(name) + "' is not a valid timestamp");
        }
    }

    public boolean bool(String name, boolean fallback) {
        String value = get(name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /** The strings of list {@code Name.member.1..N}. */
    public List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        for (int i = 1; get(name + ".member." + i) != null; i++) {
            result.add(get(name + ".member." + i));
        }
        return result;
    }

    /** The structures of list {@code Name.member.1..N}, each viewed under its own prefix. */
    public List<QueryParams> structures(String name) {
        List<QueryParams> result = new ArrayList<>();
        for (int i = 1; hasAnyUnder(name + ".member." + i + "."); i++) {
            result.add(scope(name + ".member." + i));
        }
        return result;
    }

    public QueryParams scope(String name) {
        return new QueryParams(values, prefix + name + ".");
    }

    public boolean has(String name) {
        return hasAnyUnder(name + ".") || get(name) != null;
    }

    private boolean hasAnyUnder(String relative) {
        String full = prefix + relative;
        return values.keySet().stream().anyMatch(key -> key.startsWith(full));
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

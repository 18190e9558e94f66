package dev.ecscanary.controller.security;

import java.util.regex.Pattern;

/** A claim pattern: an exact value, or {@code *} for any run of characters and {@code ?} for one. */
final class Glob {

    private Glob() {
    }

    static boolean matches(String pattern, String value) {
        if (pattern == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (literal) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(literal);
            });
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}

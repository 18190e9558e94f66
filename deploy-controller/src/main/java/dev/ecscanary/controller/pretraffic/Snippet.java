package dev.ecscanary.controller.pretraffic;

import java.nio.charset.StandardCharsets;

/** The start of an answer's body, on one line, short enough for a record and a reason. */
final class Snippet {

    static final int MAX_CHARS = 200;

    private Snippet() {}

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
    }
}

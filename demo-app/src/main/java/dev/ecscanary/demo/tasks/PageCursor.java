package dev.ecscanary.demo.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where the next page of the newest-first list starts: strictly after this (created_at, id) position.
 * A keyset cursor, so rows inserted while a client pages can neither shift nor repeat later pages.
 * Clients see it as an opaque token.
 */
record PageCursor(Instant createdAt, long id) {

    static PageCursor after(Task task) {
        return new PageCursor(task.createdAt(), task.id());
    }

    String encode() {
        String position = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.US_ASCII));
    }

    static PageCursor decode(String token) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            int colon = position.indexOf(':');
            long micros = Long.parseLong(position.substring(0, colon));
            long id = Long.parseLong(position.substring(colon + 1));
            return new PageCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (IllegalArgumentException
                | IndexOutOfBoundsException
                | ArithmeticException
                | java.time.DateTimeException e) {
            throw new InvalidQueryException(
                    "cursor '" + token + "' is not valid: use the next_cursor of a previous page");
        }
    }
}

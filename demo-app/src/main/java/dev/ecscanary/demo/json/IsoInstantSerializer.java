package dev.ecscanary.demo.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link Instant} exactly as {@link DateTimeFormatter#ISO_INSTANT} does (fraction in groups of three
 * digits, as many as needed), without the formatter's cost: a list page carries 100 timestamps, and the
 * general-purpose formatter was a tenth of the application's CPU time per request.
 */
public final class IsoInstantSerializer extends StdSerializer<Instant> {

    private static final int SECONDS_PER_DAY = 86_400;

    public IsoInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        char[] text = new char[30];
        int length = format(value, text);
        if (length < 0) {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
        } else {
            generator.writeString(text, 0, length);
        }
    }

    /** Formats into {@code out} and returns the length, or -1 for years outside 0000-9999. */
    static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int at = digits(out, 0, year, 4);
        out[at++] = '-';
        at = digits(out, at, date.getMonthValue(), 2);
        out[at++] = '-';
        at = digits(out, at, date.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        at = fraction(out, at, instant.getNano());
        out[at++] = 'Z';
        return at;
    }

    private static int fraction(char[] out, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        out[at++] = '.';
        if (nanos % 1_000_000 == 0) {
            return digits(out, at, nanos / 1_000_000, 3);
        }
        if (nanos % 1_000 == 0) {
            return digits(out, at, nanos / 1_000, 6);
        }
        return digits(out, at, nanos, 9);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}

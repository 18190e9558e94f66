package dev.ecscanary.controller.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times and durations: UTC clock times, and durations a person reads at a glance. */
public final class Format {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Format() {}

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at) + " UTC";
    }

    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public static String between(Instant from, Instant to) {
        return from == null || to == null ? "" : duration(Duration.between(from, to));
    }

    /** {@code 850 ms}, {@code 2.1 s}, {@code 42 s}, {@code 4 min 12 s}, {@code 2 h 5 min}. */
    public static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + " min");
    }

    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** The first 7 characters of a commit, as git shows it. */
    public static String shortSha(String sha) {
        return sha == null ? null : sha.substring(0, Math.min(7, sha.length()));
    }

    /** The tag or digest of an image reference, e.g. {@code 2.0.0} of {@code registry/demo-app:2.0.0}. */
    public static String tag(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1, Math.min(image.length(), at + 20));
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : image;
    }
}

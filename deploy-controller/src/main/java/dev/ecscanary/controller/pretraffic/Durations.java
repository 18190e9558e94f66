package dev.ecscanary.controller.pretraffic;

import java.time.Duration;

/** Durations as people read them in a reason: {@code 800 ms}, {@code 5 s}, {@code 1.5 s}. */
final class Durations {

    private Durations() {}

    static String text(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}

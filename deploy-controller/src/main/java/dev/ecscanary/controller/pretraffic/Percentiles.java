package dev.ecscanary.controller.pretraffic;

/** Percentiles by nearest rank: always a value that was measured, never an interpolation. */
final class Percentiles {

    private Percentiles() {}

    /** The {@code p}th percentile of ascending {@code sorted}, or null when it is empty. */
    static Long nearestRank(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}

package dev.ecscanary.localaws.cloudwatch;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The aggregate of one metric over one storage period: enough to answer every basic statistic, and, for a metric
 * put as samples (a distribution such as {@code TargetResponseTime}), its values for percentile statistics.
 */
final class Datapoint {

    /** {@code p99}, {@code p90}, {@code p50}, {@code p99.9}: CloudWatch's percentile statistics. */
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,2})?|100)");

    private double sum;
    private long sampleCount;
    private double minimum = Double.POSITIVE_INFINITY;
    private double maximum = Double.NEGATIVE_INFINITY;
    private double[] samples;
    private int kept;

    synchronized void add(double value) {
        sum += value;
        sampleCount++;
        minimum = Math.min(minimum, value);
        maximum = Math.max(maximum, value);
    }

    /** Adds a value of a distribution, kept for percentiles. */
    synchronized void addSample(double value) {
        add(value);
        keep(value);
    }

    private void keep(double value) {
        if (samples == null) {
            samples = new double[16];
        } else if (kept == samples.length) {
            samples = Arrays.copyOf(samples, kept * 2);
        }
        samples[kept++] = value;
    }

    synchronized void merge(Datapoint other) {
        double[] theirs;
        int theirCount;
        synchronized (other) {
            sum += other.sum;
            sampleCount += other.sampleCount;
            minimum = Math.min(minimum, other.minimum);
            maximum = Math.max(maximum, other.maximum);
            theirs = other.samples;
            theirCount = other.kept;
        }
        for (int i = 0; i < theirCount; i++) {
            keep(theirs[i]);
        }
    }

    /**
     * The value of a statistic (Sum, SampleCount, Average, Minimum, Maximum, or a percentile such as p99 for a metric
     * put as samples); NaN for unknown ones and for percentiles of a metric without samples.
     */
    synchronized double statistic(String stat) {
        return switch (stat) {
            case "Sum" -> sum;
            case "SampleCount" -> sampleCount;
            case "Average" -> sum / sampleCount;
            case "Minimum" -> minimum;
            case "Maximum" -> maximum;
            default -> percentile(stat);
        };
    }

    /** Nearest rank: always a value that was put, as CloudWatch's percentiles of raw data are. */
    private double percentile(String stat) {
        Matcher m = PERCENTILE.matcher(stat);
        if (!m.matches() || kept == 0) {
            return Double.NaN;
        }
        double p = Double.parseDouble(m.group(1));
        double[] sorted = Arrays.copyOf(samples, kept);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * kept);
        return sorted[Math.max(rank, 1) - 1];
    }

    static boolean isPercentile(String stat) {
        return stat != null && PERCENTILE.matcher(stat).matches();
    }
}

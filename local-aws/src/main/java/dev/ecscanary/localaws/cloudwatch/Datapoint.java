package dev.ecscanary.localaws.cloudwatch;

/** The aggregate of one metric over one storage period: enough to answer every basic statistic. */
final class Datapoint {

    private double sum;
    private long sampleCount;
    private double minimum = Double.POSITIVE_INFINITY;
    private double maximum = Double.NEGATIVE_INFINITY;

    synchronized void add(double value) {
        sum += value;
        sampleCount++;
        minimum = Math.min(minimum, value);
        maximum = Math.max(maximum, value);
    }

    synchronized void merge(Datapoint other) {
        sum += other.sum;
        sampleCount += other.sampleCount;
        minimum = Math.min(minimum, other.minimum);
        maximum = Math.max(maximum, other.maximum);
    }

    /** The value of a statistic (Sum, SampleCount, Average, Minimum, Maximum); NaN for unknown ones. */
    synchronized double statistic(String stat) {
        return switch (stat) {
            case "Sum" -> sum;
            case "SampleCount" -> sampleCount;
            case "Average" -> sum / sampleCount;
            case "Minimum" -> minimum;
            case "Maximum" -> maximum;
            default -> Double.NaN;
        };
    }
}

package dev.ecscanary.localaws.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Compresses every clock of the rehearsal by one factor: with scale 10 one AWS minute lasts six real seconds.
 * Timestamps on the wire stay real wall-clock instants; only durations (step interval, metric period, alarm
 * evaluation, health-check interval, termination wait) are divided by the scale.
 */
public record TimeScale(double factor) {

    public static final double DEFAULT = 10;

    public TimeScale {
        if (!(factor >= 1 && factor <= 600)) {
            throw new IllegalArgumentException("time scale must be between 1 and 600, was " + factor);
        }
    }

    public static TimeScale fromEnvironment() {
        String value = System.getenv("REHEARSAL_TIME_SCALE");
        return new TimeScale(value == null || value.isBlank() ? DEFAULT : Double.parseDouble(value));
    }

    /** The real duration that stands for the given AWS duration. */
    public Duration real(Duration aws) {
        return Duration.ofNanos((long) (aws.toNanos() / factor));
    }

    public Duration realSeconds(double awsSeconds) {
        return Duration.ofNanos((long) (awsSeconds * 1_000_000_000L / factor));
    }

    public Duration realMinutes(double awsMinutes) {
        return realSeconds(awsMinutes * 60);
    }

    /** The start of the (real-time) bucket that holds {@code instant}, for a period given in AWS seconds. */
    public Instant bucketStart(Instant instant, int periodAwsSeconds) {
        long periodMillis = realSeconds(periodAwsSeconds).toMillis();
        long millis = instant.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, periodMillis));
    }

    public long periodMillis(int periodAwsSeconds) {
        return realSeconds(periodAwsSeconds).toMillis();
    }
}

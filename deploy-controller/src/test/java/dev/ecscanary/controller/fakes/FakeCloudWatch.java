package dev.ecscanary.controller.fakes;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Alarms whose states tests set; counts DescribeAlarms-equivalent reads. */
public class FakeCloudWatch implements AlarmReader {

    private final Map<String, AlarmReading> alarms = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean unavailable;

    public void set(String name, AlarmState state, Instant changedAt) {
        alarms.put(name, new AlarmReading(name, state, "Threshold Crossed: test says " + state, changedAt));
    }

    public void reset() {
        alarms.clear();
        reads.set(0);
        unavailable = false;
    }

    public void remove(String name) {
        alarms.remove(name);
    }

    public void unavailable(boolean value) {
        unavailable = value;
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public Map<String, AlarmReading> read(Collection<String> alarmNames) {
        reads.incrementAndGet();
        if (unavailable) {
            throw new AwsUnavailableException("cloudwatch", "DescribeAlarms", "connect timed out", null);
        }
        Map<String, AlarmReading> out = new LinkedHashMap<>();
        for (String name : alarmNames) {
            out.put(name, alarms.getOrDefault(name, AlarmReading.missing(name)));
        }
        return out;
    }
}

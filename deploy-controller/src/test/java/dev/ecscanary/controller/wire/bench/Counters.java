package dev.ecscanary.controller.wire.bench;

import dev.ecscanary.controller.wire.AwsStandIn;
import java.io.IOException;

/**
 * The controller's and the stand-in's running totals at one moment; a measurement is the difference of two.
 *
 * @param ticks          ticks completed ({@code controller.reconciler.tick} count)
 * @param tickSeconds    their total duration
 * @param describeAlarms DescribeAlarms requests the stand-in received
 */
record Counters(double ticks, double tickSeconds, long describeAlarms, CpuMeter.Reading cpu, StoreStats.Reading store) {

    static Counters read(ControllerProcess controller, AwsStandIn aws, CpuMeter cpu, StoreStats store)
            throws IOException, InterruptedException {
        return new Counters(
                controller.metric("controller.reconciler.tick", "COUNT", null),
                controller.metric("controller.reconciler.tick", "TOTAL_TIME", null),
                aws.received("DescribeAlarms"),
                cpu.read(),
                store.read());
    }

    /**
     * As {@link #read}, right after a tick completes: the next one has not read its alarms yet, so a window between two
     * such readings holds whole ticks and exactly their DescribeAlarms calls.
     */
    static Counters readBetweenTicks(ControllerProcess controller, AwsStandIn aws, CpuMeter cpu, StoreStats store)
            throws IOException, InterruptedException {
        double ticks = controller.metric("controller.reconciler.tick", "COUNT", null);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (controller.metric("controller.reconciler.tick", "COUNT", null) == ticks
                && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return read(controller, aws, cpu, store);
    }

    Counters minus(Counters earlier) {
        return new Counters(
                ticks - earlier.ticks,
                tickSeconds - earlier.tickSeconds,
                describeAlarms - earlier.describeAlarms,
                cpu.minus(earlier.cpu),
                store.minus(earlier.store));
    }

    double perTick(double total) {
        return ticks > 0 ? total / ticks : Double.NaN;
    }
}

package dev.ecscanary.controller.wire.bench;

/** Samples the controller's used heap ({@code jvm.memory.used}, area heap) from its actuator and keeps the largest. */
final class HeapSampler {

    private static final double MEGABYTE = 1024 * 1024;

    private final ControllerProcess controller;
    private volatile double maxBytes;

    HeapSampler(ControllerProcess controller) {
        this.controller = controller;
    }

    void sample() {
        try {
            double used = controller.metric("jvm.memory.used", "VALUE", "area:heap");
            if (used > maxBytes) {
                maxBytes = used;
            }
        } catch (Exception e) {
            DetectionBench.log("heap sample failed: " + e);
        }
    }

    double maxMegabytes() {
        return maxBytes / MEGABYTE;
    }
}

package dev.ecscanary.controller.deployment;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts releases started, succeeded, rolled back and failed ({@code controller.deployments{outcome=...}}). */
@Component
class DeploymentMetrics {

    private final MeterRegistry meters;

    DeploymentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void accepted() {
        meters.counter("controller.deployments", "outcome", "started").increment();
    }

    void transition(Deployment d, DeploymentStatus before) {
        if (d.status() != before && d.status().isTerminal()) {
            meters.counter(
                            "controller.deployments",
                            "outcome",
                            d.status().name().toLowerCase())
                    .increment();
        }
    }
}

package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts releases started, succeeded, rolled back and failed ({@code controller.deployments{outcome=...}}). */
@Component
public class DeploymentMetrics {

    private final MeterRegistry meters;

    DeploymentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void accepted() {
        meters.counter("controller.deployments", "outcome", "started").increment();
    }

    public void transition(Deployment d, DeploymentStatus before) {
        if (d.status() != before && d.status().isTerminal()) {
            meters.counter(
                            "controller.deployments",
                            "outcome",
                            d.status().name().toLowerCase())
                    .increment();
        }
    }
}

package dev.ecscanary.controller.web.live;

import dev.ecscanary.controller.deployment.Deployment;
import java.time.Instant;
import java.util.UUID;

/**
 * A deployment as the services stream sends it: enough for a list of services (what runs where, how far, how it
 * ended), not its phases and event history. Those go to the deployment's own stream; a services list watched by many
 * would otherwise carry each release's whole history to every viewer at every step.
 */
record ReleaseSummary(
        UUID id,
        String service,
        String image,
        String requestedBy,
        String status,
        int trafficPercent,
        String reason,
        String awsProblem,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    static ReleaseSummary of(Deployment d) {
        return new ReleaseSummary(
                d.id(),
                d.service(),
                d.request().image().value(),
                d.request().requestedBy(),
                d.status().name(),
                d.trafficPercent(),
                d.reason(),
                d.awsProblem(),
                d.version(),
                d.createdAt(),
                d.updatedAt(),
                d.finishedAt());
    }
}

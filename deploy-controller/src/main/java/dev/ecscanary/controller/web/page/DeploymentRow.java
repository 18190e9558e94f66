package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.web.Format;
import java.time.Instant;

/** A deployment as one line of a list: its image, outcome, when and how long, and a small progress bar. */
record DeploymentRow(
        String href,
        String image,
        String tag,
        Badge status,
        String started,
        String startedIso,
        String duration,
        String requestedBy,
        String reason,
        TrafficSteps progress) {

    static DeploymentRow of(Deployment d, Instant now) {
        String image = d.request().image().value();
        return new DeploymentRow(
                "/deployments/" + d.id(),
                image,
                Format.tag(image),
                Badge.of(d.status()),
                Format.dateTime(d.createdAt()),
                Format.iso(d.createdAt()),
                Format.between(d.createdAt(), d.finishedAt() != null ? d.finishedAt() : now),
                d.request().requestedBy(),
                d.reason(),
                TrafficSteps.of(d));
    }
}

package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.revision.ImageReference;

/** What was asked for: an image of a service, and who asked from where. */
public record ReleaseRequest(
        String service,
        ImageReference image,
        String environment,
        String description,
        String commitSha,
        String runUrl,
        String requestedBy) {}

package dev.ecscanary.controller.traffic;

import java.time.Instant;

/** One lifecycle event of an ECS deployment target, e.g. {@code AllowTraffic} (status as on the wire: Pending, InProgress, Succeeded, Failed, Skipped, Unknown). */
public record LifecycleEvent(String name, String status, Instant startTime, Instant endTime) {}

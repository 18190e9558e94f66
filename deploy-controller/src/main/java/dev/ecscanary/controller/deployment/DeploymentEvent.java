package dev.ecscanary.controller.deployment;

import java.time.Instant;

/** A timestamped line of a deployment's history. {@code type} is a stable word for machines, e.g. {@code STOP_REQUESTED}. */
public record DeploymentEvent(Instant at, String type, String message) {}

package dev.ecscanary.controller.deployment;

import java.time.Instant;

/** A timestamped line of a deployment's history: what happened ({@code type}) and a sentence a person can read. */
public record DeploymentEvent(Instant at, EventType type, String message) {}

package dev.ecscanary.controller.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How alarm readings become a verdict.
 *
 * @param inconclusivePolicy what to do when a watched alarm is INSUFFICIENT_DATA, missing or unreadable for longer
 *                           than {@code inconclusiveGrace}; default {@code ROLL_BACK}
 * @param inconclusiveGrace  how long an inconclusive verdict is tolerated while the release is in progress; default 2m
 */
@Validated
@ConfigurationProperties("controller.analysis")
public record AnalysisProperties(
        @DefaultValue("ROLL_BACK") @NotNull InconclusivePolicy inconclusivePolicy,
        @DefaultValue("2m") @NotNull Duration inconclusiveGrace) {

    /** Inconclusive is neither pass nor fail; this says which way the controller leans once the grace is spent. */
    public enum InconclusivePolicy {
        /** Stop and roll back: a release nobody can observe is not allowed to finish. The safe default. */
        ROLL_BACK,
        /** Keep watching and report it on the record; CodeDeploy may finish the release meanwhile. */
        CONTINUE
    }
}

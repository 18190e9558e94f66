package dev.ecscanary.controller.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the reconciler watches in-flight deployments.
 *
 * @param interval          time between two ticks over all in-flight deployments; default 5s
 * @param parallelism       deployments reconciled at once within a tick; default 32
 * @param stopConfirmWait   after a StopDeployment whose answer was lost (timeout, crash), how long to watch for
 *                          CodeDeploy to show the stop before sending it again; default 30s
 * @param startTimeout      a PENDING deployment that has not reached CodeDeploy after this long is FAILED; default 10m
 */
@Validated
@ConfigurationProperties("controller.reconciler")
public record ReconcilerProperties(
        @DefaultValue("5s") @NotNull Duration interval,
        @DefaultValue("32") @Min(1) @Max(512) int parallelism,
        @DefaultValue("30s") @NotNull Duration stopConfirmWait,
        @DefaultValue("10m") @NotNull Duration startTimeout) {}

package dev.ecscanary.controller.web.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the status page's event streams behave: how long a connection lasts, what keeps it alive, and how much is kept
 * for viewers that fall behind or come back.
 *
 * @param heartbeat              a viewer sent nothing for this long gets a comment line, so that proxies and browsers
 *                               keep the connection; checked every third of it; default 15s
 * @param streamTimeout          how long one event-stream response stays open before the browser has to reconnect;
 *                               default 30m
 * @param retry                  how long a browser waits before it reconnects (the stream's {@code retry:}); default 1s
 * @param viewerQueueFrames      frames a slow viewer may have waiting before it is dropped (its browser reconnects and
 *                               resumes from the replay buffer); default 128
 * @param deploymentReplayFrames frames of each deployment's stream kept for a viewer reconnecting with
 *                               {@code Last-Event-ID}; default 32
 * @param servicesReplayFrames   frames of the services stream kept for a reconnecting viewer; default 256
 * @param deploymentsKept        deployment streams (and their last states) kept once nobody watches them, the least
 *                               recently used forgotten first; default 64
 */
@Validated
@ConfigurationProperties("controller.live-updates")
public record LiveUpdatesProperties(
        @DefaultValue("15s") @NotNull @DurationMin(seconds = 1)
        Duration heartbeat,

        @DefaultValue("30m") @NotNull @DurationMin(seconds = 10)
        Duration streamTimeout,

        @DefaultValue("1s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10)
        Duration retry,

        @DefaultValue("128") @Min(1) @Max(100_000) int viewerQueueFrames,
        @DefaultValue("32") @Min(1) @Max(100_000) int deploymentReplayFrames,
        @DefaultValue("256") @Min(1) @Max(100_000) int servicesReplayFrames,
        @DefaultValue("64") @Min(1) @Max(100_000) int deploymentsKept) {}

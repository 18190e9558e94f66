package dev.ecscanary.controller.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The live-update tunables: today's values by default, each one settable, nonsense refused at startup. */
class LiveUpdatesPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LiveUpdatesProperties.class)
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void withNothingSetTheStreamsBehaveAsTheyAlwaysDid() {
        context.run(c -> assertThat(c.getBean(LiveUpdatesProperties.class))
                .isEqualTo(new LiveUpdatesProperties(
                        Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofSeconds(1), 128, 32, 256, 64)));
    }

    @Test
    void eachTunableIsReadFromControllerLiveUpdates() {
        context.withPropertyValues(
                        "controller.live-updates.heartbeat=5s",
                        "controller.live-updates.stream-timeout=10m",
                        "controller.live-updates.retry=250ms",
                        "controller.live-updates.viewer-queue-frames=16",
                        "controller.live-updates.deployment-replay-frames=8",
                        "controller.live-updates.services-replay-frames=1024",
                        "controller.live-updates.deployments-kept=500")
                .run(c -> assertThat(c.getBean(LiveUpdatesProperties.class))
                        .isEqualTo(new LiveUpdatesProperties(
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(10),
                                Duration.ofMillis(250),
                                16,
                                8,
                                1024,
                                500)));
    }

    @Test
    void anEmptyQueueOrAHeartbeatTooFastToScheduleIsRefusedAtStartup() {
        context.withPropertyValues("controller.live-updates.viewer-queue-frames=0")
                .run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("viewerQueueFrames"));
        context.withPropertyValues("controller.live-updates.heartbeat=0s")
                .run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("heartbeat"));
    }
}

package dev.ecscanary.controller.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.config.ServicesProperties;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/** The judge's settings per service as Spring binds them from YAML: defaults, overrides, and refusals at startup. */
class CanaryJudgesTest {

    private static CanaryJudges bind(String yaml) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("test", new ByteArrayResource(yaml.getBytes()))) {
            sources.addLast(source);
        }
        return new CanaryJudges(new Binder(ConfigurationPropertySources.from(sources))
                .bind("controller", ServicesProperties.class)
                .get());
    }

    @Test
    void aServiceThatSetsNothingGetsTheDefaultsAndOneThatSetsSomeKeepsTheRest() throws IOException {
        CanaryJudges judges = bind("""
                controller:
                  services:
                    demo-app:
                      cluster: ecs-canary
                    payments:
                      canary-judge:
                        shadow: true
                        significance: 0.01
                        latency-floor: 100ms
                """);

        assertThat(judges.of("demo-app")).isEqualTo(JudgeSettings.defaults());
        JudgeSettings payments = judges.of("payments");
        assertThat(payments.shadow()).isTrue();
        assertThat(payments.significance()).isEqualTo(0.01);
        assertThat(payments.latencyFloor()).isEqualTo(Duration.ofMillis(100));
        assertThat(payments.errorMargin()).isEqualTo(JudgeSettings.defaults().errorMargin());
        assertThat(payments.warmUpTolerance())
                .isEqualTo(JudgeSettings.defaults().warmUpTolerance());
    }

    @Test
    void aValueThatCannotWorkStopsTheStartWithTheServiceAndTheProperty() {
        assertThatThrownBy(() -> bind("""
                        controller:
                          services:
                            demo-app:
                              canary-judge:
                                consecutive: 0
                        """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Service 'demo-app' is misconfigured: controller.services.demo-app.canary-judge.consecutive:"
                                + " must be 1 to 10");
    }
}

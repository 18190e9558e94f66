package dev.ecscanary.controller.pretraffic;

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
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JsonPointer;

/** Checks as configured in YAML, bound as Spring binds them, and refused at startup when malformed. */
class PreTrafficChecksTest {

    private static ServicesProperties bind(org.springframework.core.io.Resource yaml) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("test", yaml)) {
            sources.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("controller", ServicesProperties.class)
                .get();
    }

    @Test
    void theRehearsalsDemoAppCheckExercisesItsApiAndCleansUp() throws IOException {
        PreTrafficChecks checks = new PreTrafficChecks(bind(new ClassPathResource("application-rehearsal.yml")));

        SmokePlan plan = checks.of("demo-app").orElseThrow();

        assertThat(plan.requests())
                .extracting(SmokeRequest::label)
                .as("the rehearsal checks what the runner's own test runs")
                .containsExactlyElementsOf(SmokeCheckRunnerTest.DEMO_APP_LABELS);
        assertThat(plan.requests().get(1).expectJson()).containsEntry(JsonPointer.compile("/version"), "{{tag}}");
        assertThat(plan.requests().get(3).capture()).containsEntry("task", JsonPointer.compile("/id"));
        assertThat(plan.requests().get(5).always()).isTrue();
        assertThat(plan.requests().get(5).expectStatus()).isEqualTo(204);
        assertThat(plan.rounds()).isEqualTo(10);
        assertThat(plan.latencyBudget()).isEqualTo(Duration.ofSeconds(2));
        assertThat(checks.of("another")).isEmpty();
    }

    @Test
    void aMalformedCheckStopsTheStartWithTheServiceAndTheReason() {
        String yaml = """
                controller:
                  services:
                    demo-app:
                      pre-traffic-check:
                        requests:
                          - path: /health
                          - path: /api/tasks
                            status: 700
                """;

        assertThatThrownBy(() -> new PreTrafficChecks(bind(new ByteArrayResource(yaml.getBytes()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Service 'demo-app' is misconfigured: controller.services.demo-app.pre-traffic-check"
                        + ".requests[1].status: must be 100 to 599, was 700");
    }

    @Test
    void aServiceWithoutACheckHasNone() throws IOException {
        String yaml = """
                controller:
                  services:
                    demo-app:
                      cluster: ecs-canary
                """;

        assertThat(new PreTrafficChecks(bind(new ByteArrayResource(yaml.getBytes()))).of("demo-app"))
                .isEmpty();
    }
}

package dev.ecscanary.demo.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import dev.ecscanary.demo.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

class HealthTest extends ApiTest {

    @Test
    void healthIsUpWithTheDatabaseStateAndTheVersion() {
        Http.Response health = http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).isEqualTo("application/json");
        assertThat(health.header("Cache-Control")).isEqualTo("no-store");
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("version").asString()).isEqualTo(VERSION);
        assertThat(health.json().get("database").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("database").get("latency_ms").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void actuatorLivenessAndReadinessProbesAreUp() {
        assertThat(http.get("/actuator/health/liveness").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void actuatorExposesNothingThatCouldChangeTheApp() {
        assertThat(http.get("/actuator/env").status()).isEqualTo(404);
        assertThat(http.get("/actuator/loggers").status()).isEqualTo(404);
        assertThat(http.send("POST", "/actuator/refresh", "application/json", BodyPublishers.ofString("{}"))
                        .status())
                .isIn(404, 405);
    }
}

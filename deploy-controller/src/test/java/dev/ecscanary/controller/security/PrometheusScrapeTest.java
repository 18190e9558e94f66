package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus scrapes {@code /actuator/prometheus} as any other reader of the API: with a bearer token that has the
 * {@code read} scope (its {@code authorization} setting), over the same port. Nobody else gets the metrics.
 */
class PrometheusScrapeTest extends SecurityScenarios {

    /** What Prometheus 2 and 3 send when they scrape. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
            + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aScraperWithAReadTokenGetsTheControllersMetricsInAPrometheusFormat() throws Exception {
        releaseInFlight();

        HttpResponse<String> scrape = scrape(TestCallers.READER);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow())
                .matches("(application/openmetrics-text|text/plain);.*version=.*");
        assertThat(scrape.body())
                .containsPattern("# TYPE controller_deployments(_total)? counter")
                .containsPattern("controller_deployments_total\\{[^}]*outcome=\"started\"[^}]*} [1-9]")
                .contains("application=\"deploy-controller\"");
    }

    @Test
    void withoutATokenTheScrapeIs401AndCarriesNoMetrics() throws Exception {
        HttpResponse<String> scrape = scrape(null);

        assertThat(scrape.statusCode()).isEqualTo(401);
        assertThat(scrape.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");
        assertThat(scrape.body())
                .contains("urn:ecs-canary:problem:unauthenticated")
                .doesNotContain("# TYPE");
    }

    @Test
    void aTokenWithoutTheReadScopeIs403() throws Exception {
        String deployOnly = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(post("/api/tokens")
                                .with(TestCallers.bearer(TestCallers.ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"deploy-only-" + System.nanoTime()
                                        + "\", \"scopes\": [\"deploy\"]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asString();

        HttpResponse<String> scrape = scrape(deployOnly);

        assertThat(scrape.statusCode()).isEqualTo(403);
        assertThat(scrape.body()).contains("does not have the 'read' scope").doesNotContain("# TYPE");
    }

    private HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", PROMETHEUS_ACCEPT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.fakes.FakeAwsConfiguration;
import dev.ecscanary.controller.fakes.TestCallers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A separate management port ({@code management.server.port}) is a way to keep the actuator off the public listener,
 * never a way around authentication: the same filter chain guards it, so metrics still need a {@code read} token and
 * only health and info are open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
@Import(FakeAwsConfiguration.class)
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void onTheManagementPortMetricsStillNeedAReadTokenAndHealthIsOpen() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = get("/actuator/prometheus", TestCallers.READER);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

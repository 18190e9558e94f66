package dev.ecscanary.demo.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.Http;
import dev.ecscanary.demo.support.SharedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A simulated bad release: FAULT_RATE of /api/ requests fail, all of them are FAULT_LATENCY_MS slower. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"FAULT_RATE=" + FaultInjectionTest.RATE, "FAULT_LATENCY_MS=" + FaultInjectionTest.LATENCY_MS})
class FaultInjectionTest {

    static final double RATE = 0.3;
    static final long LATENCY_MS = 40;
    private static final int REQUESTS = 1200;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SharedPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Test
    void theFailedFractionOfApiRequestsIsWithinStatisticalBoundsOfTheRate() throws Exception {
        List<Http.Response> responses = sendConcurrently("/api/tasks?limit=1", REQUESTS);

        long failed =
                responses.stream().filter(response -> response.status() == 500).count();
        long succeeded =
                responses.stream().filter(response -> response.status() == 200).count();
        double standardDeviation = Math.sqrt(REQUESTS * RATE * (1 - RATE));
        // 4.5 standard deviations: a correct injector fails this about once in 150,000 runs.
        assertThat((double) failed)
                .isBetween(REQUESTS * RATE - 4.5 * standardDeviation, REQUESTS * RATE + 4.5 * standardDeviation);
        assertThat(failed + succeeded).isEqualTo(REQUESTS);
    }

    @Test
    void anInjectedFaultIsAProblemFromTheVersionThatAnswered() throws Exception {
        Http.Response fault = sendConcurrently("/api/version", 200).stream()
                .filter(response -> response.status() == 500)
                .findFirst()
                .orElseThrow();

        assertThat(fault.contentType()).isEqualTo("application/problem+json");
        assertThat(fault.json().get("title").asString()).isEqualTo("Injected fault");
        assertThat(fault.json().get("detail").asString()).contains("FAULT_RATE=0.3");
        assertThat(fault.header("X-App-Version")).isNotBlank();
    }

    @Test
    void everyApiRequestIsDelayedByTheConfiguredLatency() {
        Http http = new Http(port);
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            http.get("/api/version");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(LATENCY_MS));
        }
    }

    @Test
    void theHealthCheckIsNeverFaultedSoTheLoadBalancerKeepsTheTaskInService() throws Exception {
        assertThat(sendConcurrently("/health", 200))
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
    }

    private List<Http.Response> sendConcurrently(String path, int count) throws Exception {
        Http http = new Http(port);
        try (ExecutorService workers =
                Executors.newFixedThreadPool(40, Thread.ofVirtual().factory())) {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(workers.submit(() -> http.get(path)));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}

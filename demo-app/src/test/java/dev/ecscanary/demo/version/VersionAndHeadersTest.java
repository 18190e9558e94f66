package dev.ecscanary.demo.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import dev.ecscanary.demo.support.Http;
import org.junit.jupiter.api.Test;

/** Which release answered is visible on every response, so a rehearsal can tell blue from green. */
class VersionAndHeadersTest extends ApiTest {

    @Test
    void versionEndpointReportsTheVersionAndImageFromTheEnvironment() {
        Http.Response response = http.get("/api/version");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("version").asString()).isEqualTo(VERSION);
        assertThat(response.json().get("image").asString()).isEqualTo(IMAGE);
    }

    @Test
    void everyResponseCarriesTheVersionHeaderErrorsIncluded() {
        long id = createTask("header", false);

        assertThat(http.get("/api/tasks").header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.get("/api/tasks/" + id).header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.delete("/api/tasks/" + id).header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.get("/api/tasks/" + id).header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.get("/no/such/page").header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.post("/api/tasks", "{").header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.get("/health").header("X-App-Version")).isEqualTo(VERSION);
        assertThat(http.get("/actuator/health/readiness").header("X-App-Version"))
                .isEqualTo(VERSION);
        assertThat(http.get("/v3/api-docs").header("X-App-Version")).isEqualTo(VERSION);
    }
}

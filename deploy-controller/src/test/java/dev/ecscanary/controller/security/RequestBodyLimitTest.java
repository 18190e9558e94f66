package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.fakes.TestCallers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request body cap ({@code controller.security.max-body-bytes}, 65536 here) against the real embedded Tomcat, with
 * the length declared and with chunked transfer encoding (no length at all): one byte over is a 413 problem that
 * writes nothing but its audit entry; exactly the cap is a release like any other. The page's forms are capped too.
 */
class RequestBodyLimitTest extends SecurityScenarios {

    @LocalServerPort
    int port;

    @Value("${controller.security.max-body-bytes:65536}")
    int cap;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void aBodyOneByteOverTheCapWithItsLengthDeclaredIs413AndWritesNothing() throws Exception {
        HttpResponse<String> answer = release(declared(releaseOfSize(cap + 1)));

        assertRefusedAndNothingWritten(answer);
    }

    @Test
    void aChunkedBodyOneByteOverTheCapIs413AndWritesNothing() throws Exception {
        HttpResponse<String> answer = release(chunked(releaseOfSize(cap + 1)));

        assertRefusedAndNothingWritten(answer);
    }

    @Test
    void aChunkedBodyFarOverTheCapIsCutOffAt413() throws Exception {
        HttpResponse<String> answer = release(chunked(releaseOfSize(1_000_000)));

        assertRefusedAndNothingWritten(answer);
    }

    @Test
    void aBodyOfExactlyTheCapWithItsLengthDeclaredIsAReleaseLikeAnyOther() throws Exception {
        HttpResponse<String> answer = release(declared(releaseOfSize(cap)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(deployments()).isEqualTo(1);
    }

    @Test
    void aChunkedBodyOfExactlyTheCapIsAReleaseLikeAnyOther() throws Exception {
        HttpResponse<String> answer = release(chunked(releaseOfSize(cap)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"image\":\"" + IMAGE + "\"");
        assertThat(deployments()).isEqualTo(1);
    }

    @Test
    void aFormPostToThePageOverTheCapIs413BeforeItsParametersAreRead() throws Exception {
        byte[] form = ("_csrf=x&padding=" + "a".repeat(cap)).getBytes(StandardCharsets.US_ASCII);

        mvc.perform(post("/login")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(form))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:body-too-large"));

        AuditEntry refusal = trail.recent(1).getFirst();
        assertThat(refusal.action()).isEqualTo("SIGN_IN");
        assertThat(refusal.httpStatus()).isEqualTo(413);
    }

    private void assertRefusedAndNothingWritten(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body())
                .contains("\"type\":\"urn:ecs-canary:problem:body-too-large\"")
                .contains("at most " + cap + " bytes");
        assertThat(deployments()).as("deployments stored").isZero();
        assertThat(codeDeploy.created()).as("CodeDeploy deployments created").isEmpty();
        AuditEntry refusal = trail.recent(1).getFirst();
        assertThat(refusal.action()).isEqualTo("DEPLOY");
        assertThat(refusal.outcome()).isEqualTo("REFUSED");
        assertThat(refusal.httpStatus()).isEqualTo(413);
        assertThat(refusal.caller())
                .as("the caller is known when its body is refused")
                .isEqualTo("token:test-ci");
    }

    /** A valid release request padded with JSON whitespace to exactly {@code size} bytes. */
    private static byte[] releaseOfSize(int size) {
        String padding = " ".repeat(size - BODY.getBytes(StandardCharsets.UTF_8).length);
        byte[] body = BODY.replaceFirst("\\{", "{" + padding).getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        return body;
    }

    private static BodyPublisher declared(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** No Content-Length: the client sends it chunked. */
    private static BodyPublisher chunked(byte[] body) {
        BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        assertThat(publisher.contentLength()).as("a body of undeclared length").isNegative();
        return publisher;
    }

    private HttpResponse<String> release(BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/deployments"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestCallers.CI)
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long deployments() {
        return jdbc.sql("select count(*) from deployment").query(Long.class).single();
    }
}

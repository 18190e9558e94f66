package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.DeployControllerApplication;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.fakes.FakeAwsConfiguration;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The rehearsal's token path over real HTTP, as {@code ./rehearse} prints it: bound to loopback, {@code rehearsal-ci}
 * releases, only {@code rehearsal-operator} rolls back, the page is readable without signing in and the operator
 * signs in to it with the operator token. Off loopback the rehearsal profile does not start at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "rehearsal"})
@Import(FakeAwsConfiguration.class)
class RehearsalTokensTest {

    static final String BODY = """
            {"service": "demo-app", "image": "demo-app:2.0.0", "environment": "rehearsal"}""";

    @LocalServerPort
    int port;

    @Autowired
    FakeAws aws;

    @Autowired
    FakeCloudWatch cloudWatch;

    @Autowired
    Reconciler reconciler;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void cleanWorld() {
        aws.reset(reconciler);
        cloudWatch.set("demo-app-success-rate", AlarmState.OK, Instant.now());
    }

    @Test
    void theCiTokenReleasesOnlyTheOperatorTokenRollsBackAndNoTokenIsRefused() throws Exception {
        assertThat(send("POST", "/api/deployments", null, BODY).statusCode()).isEqualTo(401);
        HttpResponse<String> accepted = send("POST", "/api/deployments", "rehearsal-ci", BODY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"requestedBy\":\"token:rehearsal-ci\"");
        String location = accepted.headers().firstValue("Location").orElseThrow();

        assertThat(send("GET", location, "rehearsal-ci", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", location + "/rollback", "rehearsal-ci", "").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", location + "/rollback", "rehearsal-operator", "")
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void thePageIsReadableWithoutSigningInAndTheOperatorSignsInWithTheOperatorToken() throws Exception {
        assertThat(send("GET", "/", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> login = send("GET", "/login", null, null);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        assertThat(login.body())
                .as("the operator is asked for a token, not a password")
                .contains("<label for=\"token\">API token</label>")
                .doesNotContainIgnoringCase("password<");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=rehearsal-operator&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theRehearsalProfileRefusesToStartOffLoopback() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(
                                DeployControllerApplication.class, FakeAwsConfiguration.class)
                        .profiles("test", "rehearsal")
                        .run("--server.port=0", "--server.address=0.0.0.0", "--spring.main.banner-mode=off")
                        .close())
                .hasStackTraceContaining("must be bound to loopback");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : url(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

package dev.ecscanary.controller.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.config.ServicesProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentFinishedException;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.revision.ServiceCatalog;
import dev.ecscanary.controller.security.Access;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The API's contract on its own, in a web slice: what CI sends, and the status, headers and problem+json it gets
 * back. {@link Releases} is a test double; who may call what is the security tests' concern, so the filters are off.
 * The problem types of each refusal are in {@link ApiProblemsContractTest}; the whole release on a database in
 * {@link DeploymentsApiTest}.
 */
@WebMvcTest(controllers = {DeploymentsController.class, ServicesController.class})
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class ApiContractTest {

    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0";
    static final String BODY = """
            {"service": "demo-app", "image": "%s", "environment": "production",
             "description": "ship it", "commitSha": "0123abc", "runUrl": "https://github.com/o/r/actions/runs/1"}""".formatted(IMAGE);
    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    /** The real service catalogue and overview of the test profile's configuration; only the releases are doubles. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ServicesProperties.class, AnalysisProperties.class})
    @Import({ServiceCatalog.class, ServicesOverview.class})
    static class Slice {}

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Releases releases;

    @MockitoBean
    Access access;

    @Test
    void aReleaseIsAcceptedWith202LocationAndTheDeploymentAsAsked() throws Exception {
        acceptEveryRelease();

        ResultActions answer = start(BODY, null).andExpect(status().isAccepted());

        String id = answer.andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        answer.andExpect(header().string("Location", "/api/deployments/" + id))
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.service").value("demo-app"))
                .andExpect(jsonPath("$.image").value(IMAGE))
                .andExpect(jsonPath("$.environment").value("production"))
                .andExpect(jsonPath("$.commitSha").value("0123abc"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.events[0].type").value("ACCEPTED"))
                .andExpect(jsonPath("$.analysis.inconclusivePolicy").value("ROLL_BACK"));
    }

    @Test
    void aReplayedIdempotencyKeyIsSaidInTheHeaderAndTheKeyAndRequestHashReachTheReleases() throws Exception {
        acceptEveryRelease();

        start(BODY, "run-42-attempt-1")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"));

        verify(releases).accept(any(), eq("run-42-attempt-1"), argThat(hash -> hash.matches("[0-9a-f]{64}")));
    }

    @Test
    void anIdempotencyKeyOver200CharactersIs400NamingTheHeader() throws Exception {
        start(BODY, "k".repeat(201))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verify(releases, never()).accept(any(), any(), any());
    }

    @Test
    void invalidFieldsAre400ListingEachFieldInErrorsAndInTheDetail() throws Exception {
        start("""
                        {"service": "demo-app", "image": "demo-app:2.0.0", "commitSha": "not-a-sha", "runUrl": "ftp://x"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.title").value("The request has invalid fields"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("commitSha", "runUrl")))
                .andExpect(jsonPath("$.detail")
                        .value("commitSha: must be a hexadecimal commit id of 7 to 64 characters;"
                                + " runUrl: must be an http(s) URL"));
        verify(releases, never()).accept(any(), any(), any());
    }

    @Test
    void anImageThatIsNotAReferenceIs400OnTheImageFieldAndNothingIsAccepted() throws Exception {
        start(BODY.replace(IMAGE, "demo-app"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("image"))
                .andExpect(jsonPath("$.detail").value(containsString("image: must be an image reference")));
        verify(releases, never()).accept(any(), any(), any());
    }

    @Test
    void malformedJsonIs400ProblemJson() throws Exception {
        start("{\"service\": ", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownDeploymentIs404AndAnIdThatIsNotAUuidIs400() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000000");
        when(releases.find(unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/deployments/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:unknown-deployment"))
                .andExpect(jsonPath("$.detail").value(containsString(unknown.toString())));
        mvc.perform(post("/api/deployments/" + unknown + "/rollback"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:unknown-deployment"));
        mvc.perform(get("/api/deployments/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRollbackIsAcceptedWith202AndAFinishedReleaseIs409() throws Exception {
        Deployment d = deployment();
        when(releases.find(d.id())).thenReturn(Optional.of(d));
        when(releases.rollBack(eq(d.id()), anyString())).thenReturn(d);

        mvc.perform(post("/api/deployments/" + d.id() + "/rollback"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(d.id().toString()));

        when(releases.rollBack(eq(d.id()), anyString())).thenThrow(new DeploymentFinishedException(d));
        mvc.perform(post("/api/deployments/" + d.id() + "/rollback"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:deployment-finished"))
                .andExpect(jsonPath("$.detail").value("Deployment " + d.id() + " already finished as PENDING"));
    }

    @Test
    void theListRefusesALimitOutOfRangeOrAnUnknownStatus() throws Exception {
        mvc.perform(get("/api/deployments?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/deployments?limit=201")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/deployments?status=WHATEVER")).andExpect(status().isBadRequest());
        verify(releases, never()).list(any(), any(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void theListPassesItsFiltersOnAndDefaultsTo20() throws Exception {
        when(releases.list(isNull(), isNull(), eq(20))).thenReturn(java.util.List.of(deployment()));

        mvc.perform(get("/api/deployments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service").value("demo-app"));
    }

    @Test
    void servicesShowTheConfigurationTheCurrentImageAndNoReleaseInFlight() throws Exception {
        when(releases.currentImage("demo-app")).thenReturn(Optional.of(IMAGE));
        when(releases.inFlight("demo-app")).thenReturn(Optional.empty());

        mvc.perform(get("/api/services"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("demo-app"))
                .andExpect(jsonPath("$[0].cluster").value("ecs-canary"))
                .andExpect(jsonPath("$[0].deploymentConfig").value("CodeDeployDefault.ECSLinear10PercentEvery1Minutes"))
                .andExpect(jsonPath("$[0].alarms[0]").value("demo-app-success-rate"))
                .andExpect(jsonPath("$[0].currentImage").value(IMAGE))
                .andExpect(jsonPath("$[0].inFlight").isEmpty());
    }

    private void acceptEveryRelease() {
        when(releases.accept(any(), any(), any()))
                .thenAnswer(call -> new Releases.Accepted(
                        Deployment.accept(call.getArgument(0), InconclusivePolicy.ROLL_BACK, NOW),
                        call.getArgument(1) != null));
    }

    private ResultActions start(String body, String idempotencyKey) throws Exception {
        var request =
                post("/api/deployments").contentType(MediaType.APPLICATION_JSON).content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    static Deployment deployment() {
        return Deployment.accept(
                new ReleaseRequest(
                        "demo-app", ImageReference.parse(IMAGE), "production", null, null, null, "token:test-ci"),
                InconclusivePolicy.ROLL_BACK,
                NOW);
    }
}

package dev.ecscanary.controller.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.IdempotencyConflictException;
import dev.ecscanary.controller.deployment.PreflightRefusal;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.ServiceBusyException;
import dev.ecscanary.controller.deployment.UnknownServiceException;
import dev.ecscanary.controller.revision.ReleaseNotAllowedException;
import dev.ecscanary.controller.security.Access;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each way {@code POST /api/deployments} can be refused, as the problem+json CI acts on: status, type, title, the
 * detail as the cause said it, and the extension members and headers that come with some.
 */
@WebMvcTest(controllers = DeploymentsController.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
@Import(ApiContractTest.Slice.class)
class ApiProblemsContractTest {

    static final String PREFLIGHT = "The release was refused before it started";
    static final UUID IN_FLIGHT = UUID.fromString("6f1c0a52-9a0e-4b8e-8d55-3c1f5d1e2a01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Releases releases;

    @MockitoBean
    Access access;

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal(new UnknownServiceException("billing"), 404, "unknown-service", "Unknown service"),
                refusal(
                        new ReleaseNotAllowedException("repository 'docker.io/evil/demo-app' is not allowed"),
                        400,
                        "not-allowed",
                        "The release is not allowed for this service"),
                refusal(
                        new ServiceBusyException("demo-app", IN_FLIGHT),
                        409,
                        "deployment-in-flight",
                        "Another release is in flight"),
                refusal(
                        new IdempotencyConflictException("key-1"),
                        422,
                        "idempotency-key-reused",
                        "Idempotency key reused"),
                refusal(new ConcurrentChangeException(IN_FLIGHT), 503, "busy", "The deployment is being changed"),
                refusal(
                        new AwsUnavailableException("ecs", "DescribeServices", "timed out", null),
                        503,
                        "aws-unavailable",
                        "AWS could not be reached"),
                refusal(
                        new AwsRequestRejectedException("ecs", "DescribeServices", "AccessDenied", "no", null),
                        502,
                        "aws-rejected",
                        "AWS refused the request"),
                preflight(PreflightRefusal.Reason.ALARM_FIRING, 409, "alarm-firing"),
                preflight(PreflightRefusal.Reason.ALARM_MISSING, 422, "alarm-missing"),
                preflight(PreflightRefusal.Reason.ECS_SERVICE_NOT_FOUND, 422, "ecs-service-not-found"),
                preflight(PreflightRefusal.Reason.ECS_SERVICE_NOT_CODE_DEPLOY, 422, "ecs-service-not-code-deploy"),
                preflight(PreflightRefusal.Reason.DEPLOYMENT_GROUP_NOT_FOUND, 422, "deployment-group-not-found"),
                preflight(
                        PreflightRefusal.Reason.DEPLOYMENT_GROUP_NOT_BLUE_GREEN,
                        422,
                        "deployment-group-not-blue-green"));
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @MethodSource("refusals")
    void eachRefusalHasItsOwnStatusTypeAndTitleAndKeepsItsDetail(
            RuntimeException cause, int status, String slug, String title) throws Exception {
        refuseWith(cause);

        start().andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:" + slug))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(cause.getMessage()))
                .andExpect(jsonPath("$.instance").value("/api/deployments"));
    }

    @Test
    void aReleaseInFlightIsNamedSoThatCiCanFollowIt() throws Exception {
        refuseWith(new ServiceBusyException("demo-app", IN_FLIGHT));

        start().andExpect(jsonPath("$.inFlightDeploymentId").value(IN_FLIGHT.toString()))
                .andExpect(jsonPath("$.inFlightDeployment").value("/api/deployments/" + IN_FLIGHT));
    }

    @Test
    void aPreflightRefusalCarriesItsReason() throws Exception {
        refuseWith(new PreflightRefusal(PreflightRefusal.Reason.ALARM_FIRING, "already in ALARM"));

        start().andExpect(jsonPath("$.reason").value("ALARM_FIRING"));
    }

    @Test
    void whileTheDeploymentOrAwsIsBusyTheAnswerSaysWhenToRetry() throws Exception {
        refuseWith(new ConcurrentChangeException(IN_FLIGHT));
        start().andExpect(header().string("Retry-After", "2"));

        refuseWith(new AwsUnavailableException("ecs", "DescribeServices", "timed out", null));
        start().andExpect(header().string("Retry-After", "10"));
    }

    @Test
    void aStrayIllegalArgumentIsAnInternalErrorThatNamesNothingInside() throws Exception {
        refuseWith(new IllegalArgumentException("BatchGetDeployments takes at most 25 ids"));

        start().andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:internal-error"))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value(Problems.INTERNAL_ERROR_DETAIL))
                .andExpect(content().string(not(containsString("BatchGetDeployments"))));
    }

    private void refuseWith(RuntimeException cause) {
        doThrow(cause).when(releases).accept(any(), any(), any());
    }

    private ResultActions start() throws Exception {
        return mvc.perform(
                post("/api/deployments").contentType(MediaType.APPLICATION_JSON).content(ApiContractTest.BODY));
    }

    private static Arguments refusal(RuntimeException cause, int status, String slug, String title) {
        return Arguments.of(cause, status, slug, title);
    }

    private static Arguments preflight(PreflightRefusal.Reason reason, int status, String slug) {
        return refusal(new PreflightRefusal(reason, "refused: " + reason), status, slug, PREFLIGHT);
    }
}

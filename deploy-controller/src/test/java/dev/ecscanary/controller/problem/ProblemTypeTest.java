package dev.ecscanary.controller.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The problem types clients and {@code scripts/deploy} act on, pinned as published: a change here is a change of the
 * API's contract.
 */
class ProblemTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            INVALID_REQUEST                 | invalid-request                 | The request has invalid fields              | 400
            NOT_ALLOWED                     | not-allowed                     | The release is not allowed for this service | 400
            UNAUTHENTICATED                 | unauthenticated                 | Authentication required                     | 401
            FORBIDDEN                       | forbidden                       | Not allowed                                 | 403
            UNKNOWN_SERVICE                 | unknown-service                 | Unknown service                             | 404
            UNKNOWN_DEPLOYMENT              | unknown-deployment              | Unknown deployment                          | 404
            DEPLOYMENT_IN_FLIGHT            | deployment-in-flight            | Another release is in flight                | 409
            ALARM_FIRING                    | alarm-firing                    | The release was refused before it started   | 409
            ALARM_MISSING                   | alarm-missing                   | The release was refused before it started   | 422
            ECS_SERVICE_NOT_FOUND           | ecs-service-not-found           | The release was refused before it started   | 422
            ECS_SERVICE_NOT_CODE_DEPLOY     | ecs-service-not-code-deploy     | The release was refused before it started   | 422
            DEPLOYMENT_GROUP_NOT_FOUND      | deployment-group-not-found      | The release was refused before it started   | 422
            DEPLOYMENT_GROUP_NOT_BLUE_GREEN | deployment-group-not-blue-green | The release was refused before it started   | 422
            IDEMPOTENCY_KEY_REUSED          | idempotency-key-reused          | Idempotency key reused                      | 422
            DEPLOYMENT_FINISHED             | deployment-finished             | The deployment has already finished         | 409
            BUSY                            | busy                            | The deployment is being changed             | 503
            AWS_UNAVAILABLE                 | aws-unavailable                 | AWS could not be reached                    | 503
            AWS_REJECTED                    | aws-rejected                    | AWS refused the request                     | 502
            UNKNOWN_TOKEN                   | unknown-token                   | Unknown token                               | 404
            TOKEN_NAME_TAKEN                | token-name-taken                | Token name taken                            | 409
            TOKEN_REFUSED                   | invalid-request                 | The token cannot be created                 | 400
            BODY_TOO_LARGE                  | body-too-large                  | Request body too large                      | 413
            RATE_LIMITED                    | rate-limited                    | Too many requests                           | 429
            TOO_MANY_REFUSED_CREDENTIALS    | rate-limited                    | Too many refused credentials                | 429
            INTERNAL_ERROR                  | internal-error                  | Internal error                              | 500
            """)
    void eachTypeKeepsItsPublishedSlugTitleAndStatus(ProblemType type, String slug, String title, int status) {
        ProblemDetail problem = type.with("what happened");

        assertThat(problem.getType()).hasToString("urn:ecs-canary:problem:" + slug);
        assertThat(problem.getTitle()).isEqualTo(title);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getDetail()).isEqualTo("what happened");
    }

    @Test
    void noTwoTypesShareBothSlugAndTitle() {
        assertThat(Arrays.stream(ProblemType.values())
                        .map(t -> t.slug() + " / " + t.title())
                        .collect(Collectors.toSet()))
                .hasSize(ProblemType.values().length);
    }

    @Test
    void writtenOutsideSpringMvcTheMembersComeInRfcOrderWithTheInstanceAndExtensions() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemDetail problem = ProblemType.BODY_TOO_LARGE.with("the body may be at most 10 bytes");
        problem.setProperty("limit", 10);

        ProblemJson.write(response, problem, "/api/deployments");

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"type\":\"urn:ecs-canary:problem:body-too-large\",\"title\":\"Request body too large\","
                        + "\"status\":413,\"detail\":\"the body may be at most 10 bytes\","
                        + "\"instance\":\"/api/deployments\",\"limit\":10}");
    }
}

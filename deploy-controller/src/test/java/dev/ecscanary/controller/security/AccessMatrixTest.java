package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.security.signin.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every endpoint against every kind of caller: nobody and an unknown token get 401, a caller without the scope or
 * role gets 403, and a caller with it gets past security (whatever the endpoint then answers: 2xx, 404, 409...).
 */
class AccessMatrixTest extends SecurityScenarios {

    static final String DEPLOYMENT = "/api/deployments/00000000-0000-0000-0000-000000000001";

    /** The API is bearer-only: a browser session, even an operator's, counts for nothing there (no CSRF to ride). */
    static MockHttpSession operatorSession;

    @BeforeEach
    void signInAnOperator() throws Exception {
        operatorSession = (MockHttpSession) mvc.perform(post("/login")
                        .param("username", "ops")
                        .param("token", TestCallers.OPERATOR)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    /** An endpoint, the scope it needs, and how to call it. */
    record Endpoint(String name, Scope needs, Supplier<MockHttpServletRequestBuilder> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A caller: how it authenticates and which scopes it has. */
    record Who(
            String name,
            Set<Scope> scopes,
            Function<MockHttpServletRequestBuilder, MockHttpServletRequestBuilder> sign) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> apiEndpoints() {
        return List.of(
                new Endpoint("POST /api/deployments", Scope.DEPLOY, () -> release(BODY)),
                new Endpoint(
                        "POST /api/deployments/{id}/rollback",
                        Scope.ROLLBACK,
                        () -> call(HttpMethod.POST, DEPLOYMENT + "/rollback")),
                new Endpoint("GET /api/deployments", Scope.READ, () -> call(HttpMethod.GET, "/api/deployments")),
                new Endpoint("GET /api/deployments/{id}", Scope.READ, () -> call(HttpMethod.GET, DEPLOYMENT)),
                new Endpoint(
                        "GET /api/deployments/{id}/audit",
                        Scope.READ,
                        () -> call(HttpMethod.GET, DEPLOYMENT + "/audit")),
                new Endpoint("GET /api/audit", Scope.READ, () -> call(HttpMethod.GET, "/api/audit")),
                new Endpoint("GET /api/services", Scope.READ, () -> call(HttpMethod.GET, "/api/services")),
                new Endpoint(
                        "GET /actuator/prometheus", Scope.READ, () -> call(HttpMethod.GET, "/actuator/prometheus")),
                new Endpoint("GET /api/tokens", Scope.ADMIN, () -> call(HttpMethod.GET, "/api/tokens")),
                new Endpoint(
                        "POST /api/tokens",
                        Scope.ADMIN,
                        () -> call(HttpMethod.POST, "/api/tokens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"\", \"scopes\": [\"read\"]}")),
                new Endpoint(
                        "DELETE /api/tokens/{name}", Scope.ADMIN, () -> call(HttpMethod.DELETE, "/api/tokens/nobody")));
    }

    static List<Who> apiCallers() {
        return List.of(
                new Who("token test-reader", Set.of(Scope.READ), bearer(TestCallers.READER)),
                new Who("token test-ci", Set.of(Scope.DEPLOY, Scope.READ), bearer(TestCallers.CI)),
                new Who(
                        "token test-operator",
                        Set.of(Scope.DEPLOY, Scope.ROLLBACK, Scope.READ),
                        bearer(TestCallers.OPERATOR)),
                new Who("token test-admin", Set.of(Scope.ADMIN, Scope.READ), bearer(TestCallers.ADMIN)),
                new Who(
                        "GitHub acme/shop main",
                        Set.of(Scope.DEPLOY, Scope.READ),
                        r -> sign(r, IdTokens.valid().signed())),
                new Who(
                        "GitHub acme/other",
                        Set.of(),
                        r -> sign(
                                r,
                                IdTokens.valid()
                                        .claim("repository", "acme/other")
                                        .signed())),
                new Who("the session cookie of a signed-in operator", null, r -> r.session(operatorSession)));
    }

    static Stream<Arguments> apiMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : apiEndpoints()) {
            cases.add(Arguments.of(e, new Who("nobody", null, r -> r), 401));
            cases.add(Arguments.of(e, new Who("unknown token", null, bearer("not-a-known-token")), 401));
            for (Who who : apiCallers()) {
                cases.add(Arguments.of(
                        e, who, who.scopes() == null ? 401 : who.scopes().contains(e.needs()) ? 0 : 403));
            }
        }
        return cases.stream();
    }

    /** @param expected 401, 403, or 0 for "let through" */
    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("apiMatrix")
    void theApiLetsThroughExactlyTheCallersWithTheScope(Endpoint endpoint, Who who, int expected) throws Exception {
        int status = mvc.perform(who.sign().apply(endpoint.request().get()))
                .andReturn()
                .getResponse()
                .getStatus();
        if (expected == 0) {
            assertThat(status).as("%s as %s", endpoint, who).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s", endpoint, who).isEqualTo(expected);
        }
    }

    static Stream<Arguments> pageMatrix() {
        RequestPostProcessor viewer = oidcLogin().authorities(Roles.viewer());
        RequestPostProcessor operator = oidcLogin().authorities(Roles.operator());
        RequestPostProcessor noRole = oidcLogin().authorities(List.of());
        return Stream.of(
                Arguments.of("GET /", "nobody", call(HttpMethod.GET, "/"), 302),
                Arguments.of(
                        "GET /", "signed in, no role", call(HttpMethod.GET, "/").with(noRole), 403),
                Arguments.of("GET /", "viewer", call(HttpMethod.GET, "/").with(viewer), 0),
                Arguments.of("GET /", "operator", call(HttpMethod.GET, "/").with(operator), 0),
                Arguments.of(
                        "GET /deployments/{id}",
                        "viewer",
                        call(HttpMethod.GET, "/deployments/x").with(viewer),
                        0),
                Arguments.of(
                        "GET /api/deployments/{id}/events",
                        "nobody",
                        call(HttpMethod.GET, DEPLOYMENT + "/events"),
                        302),
                Arguments.of(
                        "GET /api/deployments/{id}/events",
                        "viewer",
                        call(HttpMethod.GET, DEPLOYMENT + "/events").with(viewer),
                        0),
                Arguments.of(
                        "GET /api/services/events",
                        "viewer",
                        call(HttpMethod.GET, "/api/services/events").with(viewer),
                        0),
                Arguments.of(
                        "POST /deployments/{id}/rollback",
                        "nobody",
                        call(HttpMethod.POST, "/deployments/x/rollback").with(csrf()),
                        302),
                Arguments.of(
                        "POST /deployments/{id}/rollback",
                        "viewer",
                        call(HttpMethod.POST, "/deployments/x/rollback")
                                .with(viewer)
                                .with(csrf()),
                        403),
                Arguments.of(
                        "POST /deployments/{id}/rollback",
                        "operator without CSRF token",
                        call(HttpMethod.POST, "/deployments/x/rollback").with(operator),
                        403),
                Arguments.of(
                        "POST /deployments/{id}/rollback",
                        "operator",
                        call(HttpMethod.POST, "/deployments/x/rollback")
                                .with(operator)
                                .with(csrf()),
                        0));
    }

    /**
     * The answer's status; an event stream that got as far as streaming counts as 200. MockMvc's response has no
     * non-blocking output, so a stream cannot start there; reaching that point means security let the caller through
     * (the streams themselves are tested over real HTTP in EventStreamsApiTest).
     */
    private int statusOf(MockHttpServletRequestBuilder request) throws Exception {
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (jakarta.servlet.ServletException e) {
            if (e.getRootCause() instanceof UnsupportedOperationException
                    && e.getStackTrace().length > 0
                    && java.util.Arrays.stream(e.getRootCause().getStackTrace())
                            .anyMatch(f -> f.getMethodName().equals("setWriteListener"))) {
                return 200;
            }
            throw e;
        }
    }

    /** @param expected 302 (to sign in), 403, or 0 for "let through" */
    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("pageMatrix")
    void theStatusPageLetsViewersReadAndOnlyOperatorsPost(
            String endpoint, String who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        int status = statusOf(request);
        if (expected == 0) {
            assertThat(status).as("%s as %s", endpoint, who).isNotIn(302, 401, 403);
        } else {
            assertThat(status).as("%s as %s", endpoint, who).isEqualTo(expected);
        }
    }

    private static MockHttpServletRequestBuilder call(HttpMethod method, String path) {
        return request(method, path);
    }

    private static Function<MockHttpServletRequestBuilder, MockHttpServletRequestBuilder> bearer(String token) {
        return r -> sign(r, token);
    }

    private static MockHttpServletRequestBuilder sign(MockHttpServletRequestBuilder r, String token) {
        return r.header("Authorization", "Bearer " + token);
    }
}

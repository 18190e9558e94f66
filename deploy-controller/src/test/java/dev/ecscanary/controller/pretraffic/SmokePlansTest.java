package dev.ecscanary.controller.pretraffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties.Expectation;
import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed check is refused with the property and what is wrong, so the controller does not start with it. */
class SmokePlansTest {

    private static final String AT = "controller.services.demo-app.pre-traffic-check";

    private static Request get(String path) {
        return new Request("GET", path, null, 200, List.of(), Map.of(), false);
    }

    private static PreTrafficCheckProperties check(List<Request> requests) {
        return new PreTrafficCheckProperties(requests, 5, 2, 0, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(check(List.of()), AT + ".requests: must list at least one request"),
                Arguments.of(check(null), AT + ".requests: must list at least one request"),
                Arguments.of(
                        check(List.of(new Request("GET", "/health", null, 600, List.of(), Map.of(), false))),
                        AT + ".requests[0].status: must be 100 to 599, was 600"),
                Arguments.of(
                        check(List.of(new Request("GET", "/health", null, 99, List.of(), Map.of(), false))),
                        AT + ".requests[0].status: must be 100 to 599, was 99"),
                Arguments.of(
                        check(List.of(get("health"))),
                        AT + ".requests[0].path: must be an absolute path such as /health, was 'health'"),
                Arguments.of(
                        check(List.of(get("http://elsewhere/health"))),
                        AT
                                + ".requests[0].path: must be an absolute path such as /health, was 'http://elsewhere/health'"),
                Arguments.of(
                        check(List.of(get("//elsewhere/health"))),
                        AT + ".requests[0].path: must be an absolute path such as /health, was '//elsewhere/health'"),
                Arguments.of(
                        check(List.of(get("/health"), get(null))),
                        AT + ".requests[1].path: must be an absolute path such as /health, was 'null'"),
                Arguments.of(
                        check(List.of(new Request("FETCH", "/health", null, 200, List.of(), Map.of(), false))),
                        AT
                                + ".requests[0].method: must be one of [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT], was 'FETCH'"),
                Arguments.of(
                        check(List.of(get("/api/tasks/{{task}}"))),
                        AT + ".requests[0]: uses {{task}}, which no earlier request captures and is not one of "
                                + "image, round, service, tag"),
                Arguments.of(
                        check(List.of(new Request(
                                "GET",
                                "/api/version",
                                null,
                                200,
                                List.of(new Expectation("version", "{{tag}}")),
                                Map.of(),
                                false))),
                        AT + ".requests[0].expect[0].json: must be a JSON Pointer such as /version, was 'version'"),
                Arguments.of(
                        check(List.of(new Request(
                                "GET",
                                "/api/version",
                                null,
                                200,
                                List.of(new Expectation("/version", null)),
                                Map.of(),
                                false))),
                        AT + ".requests[0].expect[0].equals: must be set"),
                Arguments.of(
                        check(List.of(
                                new Request("POST", "/api/tasks", null, 201, List.of(), Map.of("Task", "/id"), false))),
                        AT + ".requests[0].capture: 'Task' is not a usable name (lower-case letters, digits and "
                                + "dashes, not a built-in)"),
                Arguments.of(
                        check(List.of(
                                new Request("POST", "/api/tasks", null, 201, List.of(), Map.of("tag", "/id"), false))),
                        AT + ".requests[0].capture: 'tag' is not a usable name (lower-case letters, digits and "
                                + "dashes, not a built-in)"),
                Arguments.of(
                        new PreTrafficCheckProperties(
                                List.of(get("/health")), 0, 2, 0, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        AT + ".rounds: must be 1 to 1000"),
                Arguments.of(
                        new PreTrafficCheckProperties(
                                List.of(get("/health")), 5, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        AT + ".concurrency: must be 1 to 50"),
                Arguments.of(
                        new PreTrafficCheckProperties(
                                List.of(get("/health")), 5, 2, 1.5, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        AT + ".max-failed-share: must be 0 to 1"),
                Arguments.of(
                        new PreTrafficCheckProperties(
                                List.of(get("/health")), 5, 2, 0, Duration.ZERO, Duration.ofSeconds(5)),
                        AT + ".latency-budget: must be more than 0"),
                Arguments.of(
                        new PreTrafficCheckProperties(
                                List.of(get("/health")), 5, 2, 0, Duration.ofSeconds(1), Duration.ofMinutes(2)),
                        AT + ".request-timeout: must be more than 0 and at most 1m"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedCheckIsRefusedWithItsReason(PreTrafficCheckProperties check, String reason) {
        assertThatThrownBy(() -> SmokePlans.from(check, AT))
                .isInstanceOf(InvalidCheckException.class)
                .hasMessage(reason);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Request create = new Request("POST", "/api/tasks", "{title: 'x'}", 201, List.of(), Map.of(), false);

        assertThatThrownBy(() -> SmokePlans.from(check(List.of(create)), AT))
                .isInstanceOf(InvalidCheckException.class)
                .hasMessageStartingWith(AT + ".requests[0].body: is not JSON (");
    }

    @Test
    void aBodyWithPlaceholdersInItsStringsIsJson() {
        Request create = new Request(
                "POST",
                "/api/tasks",
                "{\"title\":\"check {{tag}} {{round}}\",\"n\":{\"a\":1}}",
                201,
                List.of(),
                Map.of("task", "/id"),
                false);

        SmokePlan plan = SmokePlans.from(check(List.of(create, get("/api/tasks/{{task}}"))), AT);

        assertThat(plan.requests()).hasSize(2);
        assertThat(plan.requests().get(0).capture()).containsKey("task");
    }

    @Test
    void theWorstCaseBoundsTheWholeCheck() {
        SmokePlan plan = SmokePlans.from(
                new PreTrafficCheckProperties(
                        SmokeCheckRunnerTest.demoAppRequests(), 5, 2, 0, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                AT);

        assertThat(plan.worstCase()).isEqualTo(Duration.ofSeconds(3 * 6 * 5));
    }
}

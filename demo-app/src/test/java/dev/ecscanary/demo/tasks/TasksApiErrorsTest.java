package dev.ecscanary.demo.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import dev.ecscanary.demo.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input gets a problem saying what was wrong, and leaves the data as it was. */
class TasksApiErrorsTest extends ApiTest {

    private static final int ONE_MIB = 1024 * 1024;

    private long existingId;
    private JsonNode existingTask;

    @BeforeEach
    void oneStoredTask() {
        existingId = createTask("Untouchable", false);
        existingTask = http.get("/api/tasks/" + existingId).json();
    }

    static Stream<Arguments> badTaskDocuments() {
        return Stream.of(
                Arguments.of("{\"title\": ", "Malformed JSON at line 1"),
                Arguments.of("{\"title\": \"a\",}", "Malformed JSON"),
                Arguments.of("{\"title\": \"a\"} trailing", "Malformed JSON"),
                Arguments.of("", "The request body is missing"),
                Arguments.of("{}", "title: is required"),
                Arguments.of("{\"title\": null}", "title: is required"),
                Arguments.of("{\"title\": \"   \"}", "title: must not be blank"),
                Arguments.of(
                        "{\"title\": \"" + "x".repeat(256) + "\"}", "title: must be at most 255 characters, got 256"),
                Arguments.of("{\"title\": 42}", "title: must be a string, got number"),
                Arguments.of(
                        "{\"title\": \"a\", \"completed\": \"yes\"}", "completed: must be true or false, got string"),
                Arguments.of("{\"title\": \"a\", \"completed\": 1}", "completed: must be true or false, got number"),
                Arguments.of(
                        "{\"title\": \"a\", \"description\": {\"x\": 1}}",
                        "description: must be a string or null, got object"),
                Arguments.of("{\"title\": \"a\\u0000b\"}", "title: must not contain NUL characters"),
                Arguments.of("{\"title\": \"a\", \"priority\": 1}", "priority: is not a field of a task"),
                Arguments.of("[{\"title\": \"a\"}]", "the body must be a JSON object, got array"));
    }

    @ParameterizedTest
    @MethodSource("badTaskDocuments")
    void createRejectsABadDocumentAndStoresNothing(String body, String expectedDetail) {
        Http.Response response = http.post("/api/tasks", body);

        assertProblem(response, 400, expectedDetail);
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("badTaskDocuments")
    void replaceRejectsABadDocumentAndChangesNothing(String body, String expectedDetail) {
        Http.Response response = http.put("/api/tasks/" + existingId, body);

        assertProblem(response, 400, expectedDetail);
        assertNothingChanged();
    }

    @Test
    void invalidTaskProblemListsEveryInvalidField() {
        Http.Response response = http.post("/api/tasks", "{\"title\": 1, \"completed\": \"no\", \"owner\": \"me\"}");

        assertProblem(response, 400, "title: must be a string");
        assertThat(response.json().get("title").asString()).isEqualTo("Invalid task");
        List<String> fields = response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("title", "completed", "owner");
    }

    @Test
    void titleLengthCountsCharactersNotBytes() {
        String title = "\uD83D\uDE80".repeat(255);
        Http.Response created = http.post("/api/tasks", "{\"title\": \"" + title + "\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("title").asString()).isEqualTo(title);
    }

    @Test
    void patchThatRemovesTheTitleIsRejected() {
        assertProblem(
                http.patch("/api/tasks/" + existingId, "{\"title\": null, \"completed\": true}"),
                400,
                "title: is required");
        assertNothingChanged();
    }

    @Test
    void patchWithAWrongTypeIsRejected() {
        assertProblem(
                http.patch("/api/tasks/" + existingId, "{\"completed\": \"true\"}"),
                400,
                "completed: must be true or false");
        assertNothingChanged();
    }

    @Test
    void patchWithMalformedJsonIsRejected() {
        assertProblem(http.patch("/api/tasks/" + existingId, "{\"completed\": tru}"), 400, "Malformed JSON");
        assertNothingChanged();
    }

    @Test
    void patchThatIsNotAnObjectIsRejected() {
        assertProblem(
                http.patch("/api/tasks/" + existingId, "\"done\""), 400, "the body must be a JSON object, got string");
        assertNothingChanged();
    }

    @Test
    void anIdThatIsNotANumberIsRejectedOnEveryMethod() {
        assertProblem(http.get("/api/tasks/abc"), 400, "'id' must be a whole number in range, got 'abc'");
        assertProblem(http.put("/api/tasks/abc", "{\"title\":\"x\"}"), 400, "'id' must be a whole number");
        assertProblem(http.patch("/api/tasks/1.5", "{\"title\":\"x\"}"), 400, "'id' must be a whole number");
        assertProblem(http.delete("/api/tasks/99999999999999999999"), 400, "'id' must be a whole number");
        assertNothingChanged();
    }

    @Test
    void anUnknownIdIsNotFoundOnEveryMethod() {
        long unknown = existingId + 1000;
        assertProblem(http.get("/api/tasks/" + unknown), 404, "Task " + unknown + " does not exist");
        assertProblem(http.put("/api/tasks/" + unknown, "{\"title\":\"x\"}"), 404, "does not exist");
        assertProblem(http.patch("/api/tasks/" + unknown, "{\"title\":\"x\"}"), 404, "does not exist");
        assertProblem(http.delete("/api/tasks/" + unknown), 404, "does not exist");
        assertNothingChanged();
    }

    @Test
    void aBodyOverOneMebibyteIsRejectedWith413() {
        String huge = "{\"title\":\"big\",\"description\":\"" + "x".repeat(ONE_MIB) + "\"}";

        assertProblem(http.post("/api/tasks", huge), 413, "larger than the limit of 1048576 bytes");
        assertProblem(http.put("/api/tasks/" + existingId, huge), 413, "larger than the limit");
        assertProblem(http.patch("/api/tasks/" + existingId, huge), 413, "larger than the limit");
        assertNothingChanged();
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsRejectedWith413() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        Flow.Publisher<ByteBuffer> chunks =
                BodyPublishers.fromPublisher(BodyPublishers.ofByteArrays(() -> Stream.concat(
                                Stream.of("{\"title\":\"big\",\"description\":\"".getBytes()),
                                Stream.generate(() -> chunk).limit(20))
                        .iterator()));

        Http.Response response = http.send(http.request("/api/tasks")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.fromPublisher(chunks)));

        assertProblem(response, 413, "larger than the limit");
        assertNothingChanged();
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
        String body = "{\"title\":\"big\",\"description\":\"" + "x".repeat(ONE_MIB - 100) + "\"}";

        assertThat(http.post("/api/tasks", body).status()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Http.Response response = http.send(
                "POST", "/api/tasks", "application/x-www-form-urlencoded", BodyPublishers.ofString("title=x"));

        assertProblem(response, 415, "Content-Type 'application/x-www-form-urlencoded' is not supported");
        assertNothingChanged();
    }

    @Test
    void listRejectsAnOutOfRangePageSize() {
        assertProblem(http.get("/api/tasks?limit=501"), 400, "limit must be between 1 and 500, got 501");
        assertProblem(http.get("/api/tasks?limit=0"), 400, "limit must be between 1 and 500, got 0");
        assertProblem(http.get("/api/tasks?limit=ten"), 400, "'limit' must be a whole number in range, got 'ten'");
    }

    @Test
    void listRejectsAWrongFilterAndABadCursor() {
        assertProblem(http.get("/api/tasks?completed=maybe"), 400, "'completed' must be true or false, got 'maybe'");
        assertProblem(http.get("/api/tasks?cursor=not-a-cursor"), 400, "cursor 'not-a-cursor' is not valid");
    }

    @Test
    void anUnknownPathAndAWrongMethodAreProblemsToo() {
        assertProblem(http.get("/api/nothing-here"), 404, "No endpoint GET /api/nothing-here");
        assertThat(http.send("DELETE", "/api/tasks", "application/json", BodyPublishers.noBody())
                        .status())
                .isEqualTo(405);
    }

    private void assertProblem(Http.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(detailContains);
        assertThat(response.header("X-App-Version")).isEqualTo(VERSION);
    }

    private void assertNothingChanged() {
        assertThat(taskCount()).isEqualTo(1);
        assertThat(http.get("/api/tasks/" + existingId).json()).isEqualTo(existingTask);
    }
}

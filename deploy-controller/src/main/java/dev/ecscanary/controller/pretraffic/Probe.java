package dev.ecscanary.controller.pretraffic;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends one request of a check to one target and judges its answer; never waits longer than the timeout. */
final class Probe {

    /** Answers are read up to this size: enough for any check's JSON, never a memory risk. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;

    Probe(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * @param values the round's values so far; the request's captures are added to it when it passes
     */
    Sample send(URI target, SmokeRequest request, Map<String, String> values) throws InterruptedException {
        HttpRequest httpRequest = build(target, request, values);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> answer =
                http.sendAsync(httpRequest, info -> CappedBody.of(MAX_ANSWER_BYTES));
        try {
            HttpResponse<byte[]> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long millis = elapsedMillis(started);
            return judge(request, response.statusCode(), response.body(), values, millis, started);
        } catch (TimeoutException | ExecutionException e) {
            answer.cancel(true);
            return Sample.failed(started, elapsedMillis(started), failureOf(e), null);
        }
    }

    private HttpRequest build(URI target, SmokeRequest request, Map<String, String> values) {
        String path = Templates.render(request.path(), values, Templates::urlComponent);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "ecs-canary-pre-traffic-check");
        if (request.body() == null) {
            return builder.method(request.method(), HttpRequest.BodyPublishers.noBody())
                    .build();
        }
        String body = Templates.render(request.body(), values, Templates::jsonString);
        return builder.header("Content-Type", "application/json")
                .method(request.method(), HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private String failureOf(Exception e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "got no answer within " + Durations.text(timeout);
        }
        if (cause instanceof ConnectException) {
            return "refused the connection";
        }
        if (cause instanceof IOException) {
            return "broke off: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return "could not be asked: " + cause;
    }

    private static Sample judge(
            SmokeRequest request, int status, byte[] body, Map<String, String> values, long millis, long started) {
        String snippet = Snippet.of(body);
        if (status != request.expectStatus()) {
            return Sample.failed(started, millis, "answered " + status, snippet);
        }
        if (request.expectJson().isEmpty() && request.capture().isEmpty()) {
            return Sample.passed(started, millis);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return Sample.failed(started, millis, "answered " + status + " without JSON", snippet);
        }
        for (Map.Entry<JsonPointer, String> expected : request.expectJson().entrySet()) {
            String want = Templates.render(expected.getValue(), values, Templates::plain);
            JsonNode actual = root.at(expected.getKey());
            if (actual.isMissingNode() || !actual.isValueNode() || !want.equals(actual.asString())) {
                String found = actual.isMissingNode() ? "nothing" : actual.toString();
                return Sample.failed(
                        started,
                        millis,
                        "answered " + expected.getKey() + " = " + found + " instead of \"" + want + "\"",
                        snippet);
            }
        }
        for (Map.Entry<String, JsonPointer> capture : request.capture().entrySet()) {
            JsonNode value = root.at(capture.getValue());
            if (value.isMissingNode() || !value.isValueNode() || value.isNull()) {
                return Sample.failed(
                        started,
                        millis,
                        "answered without " + capture.getValue() + " to take as {{" + capture.getKey() + "}}",
                        snippet);
            }
            values.put(capture.getKey(), value.asString());
        }
        return Sample.passed(started, millis);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}

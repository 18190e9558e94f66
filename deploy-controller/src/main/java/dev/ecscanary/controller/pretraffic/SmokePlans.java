package dev.ecscanary.controller.pretraffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a configured pre-traffic check and builds its plan; every mistake is an {@link InvalidCheckException}
 * naming the property and what is wrong with it, so a malformed check stops the controller at startup.
 */
public final class SmokePlans {

    /** The values every template may use, whatever the request. */
    public static final Set<String> BUILT_INS = Set.of("tag", "image", "service", "round");

    static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(1);

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SmokePlans() {}

    /** @param at where the check is configured, e.g. {@code controller.services.demo-app.pre-traffic-check} */
    public static SmokePlan from(PreTrafficCheckProperties check, String at) {
        require(check.rounds() >= 1 && check.rounds() <= 1000, at + ".rounds", "must be 1 to 1000");
        require(check.concurrency() >= 1 && check.concurrency() <= 50, at + ".concurrency", "must be 1 to 50");
        require(check.maxFailedShare() >= 0 && check.maxFailedShare() <= 1, at + ".max-failed-share", "must be 0 to 1");
        require(positive(check.latencyBudget()), at + ".latency-budget", "must be more than 0");
        require(
                positive(check.requestTimeout()) && check.requestTimeout().compareTo(MAX_REQUEST_TIMEOUT) <= 0,
                at + ".request-timeout",
                "must be more than 0 and at most 1m");
        List<PreTrafficCheckProperties.Request> configured = check.requests() == null ? List.of() : check.requests();
        require(!configured.isEmpty(), at + ".requests", "must list at least one request");
        Set<String> known = new HashSet<>(BUILT_INS);
        List<SmokeRequest> requests = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            SmokeRequest request = request(configured.get(i), at + ".requests[" + i + "]");
            for (String name : request.variables()) {
                require(
                        known.contains(name),
                        at + ".requests[" + i + "]",
                        "uses {{" + name + "}}, which no earlier " + "request captures and is not one of "
                                + String.join(", ", BUILT_INS.stream().sorted().toList()));
            }
            known.addAll(request.capture().keySet());
            requests.add(request);
        }
        return new SmokePlan(
                requests,
                check.rounds(),
                check.concurrency(),
                check.maxFailedShare(),
                check.latencyBudget(),
                check.requestTimeout());
    }

    private static SmokeRequest request(PreTrafficCheckProperties.Request r, String at) {
        String method = r.method() == null ? "" : r.method().strip();
        require(
                METHODS.contains(method),
                at + ".method",
                "must be one of " + METHODS.stream().sorted().toList() + ", was '" + r.method() + "'");
        require(
                r.path() != null && r.path().startsWith("/") && !r.path().startsWith("//"),
                at + ".path",
                "must be an absolute path such as /health, was '" + r.path() + "'");
        require(r.status() >= 100 && r.status() <= 599, at + ".status", "must be 100 to 599, was " + r.status());
        if (r.body() != null) {
            requireJson(r.body(), at + ".body");
        }
        Map<JsonPointer, String> expect = new LinkedHashMap<>();
        for (int e = 0; e < r.expect().size(); e++) {
            PreTrafficCheckProperties.Expectation expectation = r.expect().get(e);
            require(expectation.equals() != null, at + ".expect[" + e + "].equals", "must be set");
            expect.put(pointer(expectation.json(), at + ".expect[" + e + "].json"), expectation.equals());
        }
        Map<String, JsonPointer> capture = new LinkedHashMap<>();
        r.capture().forEach((name, json) -> {
            require(
                    NAME.matcher(name).matches() && !BUILT_INS.contains(name),
                    at + ".capture",
                    "'" + name + "' is not a usable name (lower-case letters, digits and dashes, not a built-in)");
            capture.put(name, pointer(json, at + ".capture." + name));
        });
        return new SmokeRequest(method, r.path(), r.body(), r.status(), expect, capture, r.always());
    }

    private static JsonPointer pointer(String text, String at) {
        require(
                text != null && text.startsWith("/"),
                at,
                "must be a JSON Pointer such as /version, was '" + text + "'");
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckException(at + ": '" + text + "' is not a JSON Pointer (" + e.getMessage() + ")");
        }
    }

    /** The body must be JSON once its placeholders are filled with any string. */
    private static void requireJson(String body, String at) {
        Map<String, String> anyValues = new LinkedHashMap<>();
        Templates.names(body).forEach(name -> anyValues.put(name, "x"));
        String sample = Templates.render(body, anyValues, Templates::jsonString);
        try {
            JSON.readTree(sample);
        } catch (JacksonException e) {
            throw new InvalidCheckException(at + ": is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String at, String what) {
        if (!ok) {
            throw new InvalidCheckException(at + ": " + what);
        }
    }
}

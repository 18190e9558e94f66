package dev.ecscanary.controller.pretraffic;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonPointer;

/**
 * One request of a pre-traffic check, as configured: what to send and what the answer must be.
 *
 * <p>Path, body and expected values are templates: {@code {{name}}} stands for a built-in value ({@code tag},
 * {@code image}, {@code service}, {@code round}) or for a value captured from an earlier answer of the same round.
 *
 * @param method       HTTP method
 * @param path         absolute path with query, e.g. {@code /api/tasks?limit=5}
 * @param body         JSON body, or null for none
 * @param expectStatus the status a passing answer has
 * @param expectJson   JSON Pointer into the answer to the text the value there must equal
 * @param capture      variable name to the JSON Pointer of the answer's value it takes, for later requests
 * @param always       run even after an earlier request of the round failed (clean-up), when its variables are known
 */
public record SmokeRequest(
        String method,
        String path,
        String body,
        int expectStatus,
        Map<JsonPointer, String> expectJson,
        Map<String, JsonPointer> capture,
        boolean always) {

    public SmokeRequest {
        expectJson = Map.copyOf(expectJson);
        capture = Map.copyOf(capture);
    }

    /** How the request is named in results and reasons, e.g. {@code GET /api/tasks}. */
    public String label() {
        int query = path.indexOf('?');
        return method + " " + (query < 0 ? path : path.substring(0, query));
    }

    /** The names this request's path, body and expected values refer to. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>(Templates.names(path));
        names.addAll(Templates.names(body));
        expectJson.values().forEach(v -> names.addAll(Templates.names(v)));
        return names;
    }
}

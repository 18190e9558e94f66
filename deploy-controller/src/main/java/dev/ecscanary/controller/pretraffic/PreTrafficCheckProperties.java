package dev.ecscanary.controller.pretraffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A service's pre-traffic check as configured ({@code controller.services.<name>.pre-traffic-check}); checked and
 * turned into a {@link SmokePlan} by {@link SmokePlans} when the controller starts.
 *
 * @param requests       one round of requests, run in order; at least one
 * @param rounds         how many times the list runs; default 5
 * @param concurrency    how many rounds run at once; default 2
 * @param maxFailedShare the largest share of failed answers a request may have and pass, 0 to 1; default 0
 * @param latencyBudget  the largest p99 latency a request may have and pass; default 1s
 * @param requestTimeout how long one request may take before it counts as failed; default 5s
 */
public record PreTrafficCheckProperties(
        List<Request> requests,
        @DefaultValue("5") int rounds,
        @DefaultValue("2") int concurrency,
        @DefaultValue("0") double maxFailedShare,
        @DefaultValue("1s") Duration latencyBudget,
        @DefaultValue("5s") Duration requestTimeout) {

    /**
     * One request.
     *
     * @param method HTTP method; default GET
     * @param path   absolute path, with query if any; may use {@code {{name}}} placeholders
     * @param body   JSON body; may use placeholders inside its strings
     * @param status the status a passing answer has; default 200
     * @param expect values the JSON answer must have
     * @param capture variable name (lower case, digits, dashes) to the JSON Pointer of the answer's value it takes
     * @param always run even after an earlier request of the round failed (a clean-up such as a DELETE)
     */
    public record Request(
            @DefaultValue("GET") String method,
            String path,
            String body,
            @DefaultValue("200") int status,
            @DefaultValue List<Expectation> expect,
            @DefaultValue Map<String, String> capture,
            @DefaultValue("false") boolean always) {}

    /**
     * @param json   JSON Pointer into the answer, e.g. {@code /version}
     * @param equals the text the value there must equal; may use placeholders, e.g. {@code {{tag}}}
     */
    public record Expectation(String json, String equals) {}
}

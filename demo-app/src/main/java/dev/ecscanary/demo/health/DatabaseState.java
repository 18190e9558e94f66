package dev.ecscanary.demo.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a probe of the database found: UP with its round-trip time, or DOWN with the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DatabaseState(
        String status, @JsonProperty("latency_ms") Double latencyMs, String error) {

    static DatabaseState up(double latencyMs) {
        return new DatabaseState("UP", latencyMs, null);
    }

    static DatabaseState down(String error) {
        return new DatabaseState("DOWN", null, error);
    }

    boolean isUp() {
        return "UP".equals(status);
    }
}

package dev.ecscanary.demo.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A stored task, as the API shows it (snake_case fields, as the seed's API had them). */
public record Task(
        long id,
        String title,
        String description,
        boolean completed,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {
}

package dev.ecscanary.demo.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ecscanary.demo.json.IsoInstantSerializer;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/** A stored task, as the API shows it (snake_case fields, as the seed's API had them). */
public record Task(
        long id,
        String title,
        String description,
        boolean completed,

        @JsonProperty("created_at") @JsonSerialize(using = IsoInstantSerializer.class)
        Instant createdAt,

        @JsonProperty("updated_at") @JsonSerialize(using = IsoInstantSerializer.class)
        Instant updatedAt) {}

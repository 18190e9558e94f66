package dev.ecscanary.demo.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of the newest-first list. {@code next_cursor} and {@code next} (the link to the following page,
 * with the same filter and size) are null on the last page.
 */
record TaskPage(
        List<Task> items,
        int limit,
        @JsonProperty("next_cursor") String nextCursor,
        String next) {}

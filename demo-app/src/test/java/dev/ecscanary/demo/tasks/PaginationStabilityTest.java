package dev.ecscanary.demo.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import dev.ecscanary.demo.support.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Paging through the list while other clients insert: every existing row exactly once, in order. */
class PaginationStabilityTest extends ApiTest {

    private static final int EXISTING = 300;
    private static final int PAGE_SIZE = 25;

    @Test
    void pagingWhileRowsAreInsertedNeitherRepeatsNorSkipsRows() throws Exception {
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(jdbc.sql("INSERT INTO tasks (title, completed) VALUES (?, ?) RETURNING id")
                    .params("existing " + i, i % 2 == 0).query(Long.class).single());
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        Thread inserter = Thread.ofVirtual().start(() -> {
            while (paging.get()) {
                createTask("inserted while paging " + inserted.incrementAndGet(), inserted.get() % 2 == 0);
            }
        });

        List<JsonNode> seen;
        try {
            seen = walkAllPages("/api/tasks?limit=" + PAGE_SIZE);
        } finally {
            paging.set(false);
            inserter.join();
        }

        List<Long> seenIds = seen.stream().map(task -> task.get("id").asLong()).toList();
        assertThat(inserted.get()).as("rows inserted while paging").isGreaterThan(5);
        assertThat(seenIds).doesNotHaveDuplicates();
        assertThat(seenIds.stream().filter(existing::contains).toList()).isEqualTo(existing.reversed());
        assertThat(seen).isSortedAccordingTo(Comparator
                .comparing((JsonNode task) -> Instant.parse(task.get("created_at").asString()))
                .thenComparing(task -> task.get("id").asLong())
                .reversed());
    }

    @Test
    void pagingAFilteredListWhileRowsAreInsertedSeesEachMatchingRowOnce() throws Exception {
        List<Long> completed = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            long id = createTask("existing " + i, i % 3 == 0);
            if (i % 3 == 0) {
                completed.add(id);
            }
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        Thread inserter = Thread.ofVirtual().start(() -> {
            while (paging.get()) {
                createTask("completed while paging", true);
            }
        });

        List<Long> seenIds;
        try {
            seenIds = walkAllPages("/api/tasks?completed=true&limit=7").stream()
                    .peek(task -> assertThat(task.get("completed").asBoolean()).isTrue())
                    .map(task -> task.get("id").asLong())
                    .toList();
        } finally {
            paging.set(false);
            inserter.join();
        }

        assertThat(seenIds).doesNotHaveDuplicates();
        assertThat(seenIds.stream().filter(completed::contains).toList()).isEqualTo(completed.reversed());
    }

    private List<JsonNode> walkAllPages(String firstPage) {
        List<JsonNode> seen = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            Http.Response page = http.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(seen::add);
            next = page.json().get("next").isNull() ? null : page.json().get("next").asString();
        }
        return seen;
    }
}

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
                    .params("existing " + i, i % 2 == 0)
                    .query(Long.class)
                    .single());
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        Thread concurrentInserter = Thread.ofVirtual().start(() -> {
            while (paging.get()) {
                createTask("inserted concurrently " + inserted.incrementAndGet(), inserted.get() % 2 == 0);
            }
        });

        List<JsonNode> seen;
        try {
            // Besides the concurrent inserter (whose pace depends on the machine), 3 rows between every two pages.
            seen = walkAllPages("/api/tasks?limit=" + PAGE_SIZE, () -> insertBetweenPages(inserted));
        } finally {
            paging.set(false);
            concurrentInserter.join();
        }

        List<Long> seenIds = seen.stream().map(task -> task.get("id").asLong()).toList();
        assertThat(inserted.get()).as("rows inserted while paging").isGreaterThanOrEqualTo(3 * EXISTING / PAGE_SIZE);
        assertThat(seenIds).doesNotHaveDuplicates();
        assertThat(seenIds.stream().filter(existing::contains).toList()).isEqualTo(existing.reversed());
        assertThat(seen)
                .isSortedAccordingTo(Comparator.comparing((JsonNode task) ->
                                Instant.parse(task.get("created_at").asString()))
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
        AtomicInteger inserted = new AtomicInteger();

        List<Long> seenIds =
                walkAllPages("/api/tasks?completed=true&limit=7", () -> insertBetweenPages(inserted)).stream()
                        .peek(task ->
                                assertThat(task.get("completed").asBoolean()).isTrue())
                        .map(task -> task.get("id").asLong())
                        .toList();

        assertThat(seenIds).doesNotHaveDuplicates();
        assertThat(seenIds.stream().filter(completed::contains).toList()).isEqualTo(completed.reversed());
    }

    private List<JsonNode> walkAllPages(String firstPage, Runnable betweenPages) {
        List<JsonNode> seen = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            Http.Response page = http.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(seen::add);
            next = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asString();
            betweenPages.run();
        }
        return seen;
    }

    private void insertBetweenPages(AtomicInteger inserted) {
        for (int i = 0; i < 3; i++) {
            createTask("inserted between pages " + inserted.incrementAndGet(), i != 1);
        }
    }
}

package dev.ecscanary.demo.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import dev.ecscanary.demo.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TasksApiTest extends ApiTest {

    @Test
    void createAnswers201WithLocationOfTheStoredTask() {
        Http.Response created =
                http.post("/api/tasks", "{\"title\":\"Write the runbook\",\"description\":\"for the canary\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.json();
        assertThat(task.get("title").asString()).isEqualTo("Write the runbook");
        assertThat(task.get("description").asString()).isEqualTo("for the canary");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.get("created_at").asString())
                .isEqualTo(task.get("updated_at").asString());
        assertThat(created.header("Location"))
                .isEqualTo("http://localhost:" + port + "/api/tasks/"
                        + task.get("id").asLong());

        Http.Response fetched = http.get(created.header("Location"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(task);
    }

    @Test
    void behindTheLoadBalancerLinksUseTheClientsSchemeAndPort() {
        Http.Response created = http.send(http.request("/api/tasks")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .POST(BodyPublishers.ofString("{\"title\":\"via the ALB\"}")));

        assertThat(created.header("Location"))
                .isEqualTo("https://localhost/api/tasks/"
                        + created.json().get("id").asLong());
    }

    @Test
    void putReplacesTheWholeTaskAndAbsentFieldsTakeTheirDefaults() {
        long id = createTask("Old", true);
        http.patch("/api/tasks/" + id, "{\"description\":\"old text\"}");

        Http.Response replaced = http.put("/api/tasks/" + id, "{\"title\":\"New\"}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("title").asString()).isEqualTo("New");
        assertThat(replaced.json().get("description").isNull()).isTrue();
        assertThat(replaced.json().get("completed").asBoolean()).isFalse();
        assertThat(Instant.parse(replaced.json().get("updated_at").asString()))
                .isAfter(Instant.parse(replaced.json().get("created_at").asString()));
        assertThat(http.get("/api/tasks/" + id).json()).isEqualTo(replaced.json());
    }

    @Test
    void putIgnoresReadOnlyFieldsEchoedBackFromAGet() {
        long id = createTask("Echo", false);
        String echoed = http.get("/api/tasks/" + id).body().replace("\"completed\":false", "\"completed\":true");

        Http.Response replaced = http.put("/api/tasks/" + id, echoed.replace("\"id\":" + id, "\"id\":999"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("id").asLong()).isEqualTo(id);
        assertThat(replaced.json().get("completed").asBoolean()).isTrue();
    }

    @Test
    void mergePatchChangesOnlyTheMembersItNames() {
        long id = createTask("Keep me", false);
        http.patch("/api/tasks/" + id, "{\"description\":\"details\"}");

        Http.Response patched = http.patch("/api/tasks/" + id, "{\"completed\":true}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("title").asString()).isEqualTo("Keep me");
        assertThat(patched.json().get("description").asString()).isEqualTo("details");
        assertThat(patched.json().get("completed").asBoolean()).isTrue();
    }

    @Test
    void mergePatchNullRemovesTheDescription() {
        long id = createTask("Has text", true);
        http.patch("/api/tasks/" + id, "{\"description\":\"to be removed\"}");

        Http.Response patched = http.patch("/api/tasks/" + id, "{\"description\":null}");

        assertThat(patched.json().get("description").isNull()).isTrue();
        assertThat(patched.json().get("completed").asBoolean()).isTrue();
    }

    @Test
    void mergePatchIsAlsoAcceptedAsPlainJson() {
        long id = createTask("Plain", false);

        Http.Response patched = http.send(
                "PATCH", "/api/tasks/" + id, "application/json", BodyPublishers.ofString("{\"title\":\"Renamed\"}"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("title").asString()).isEqualTo("Renamed");
    }

    @Test
    void deleteAnswers204AndTheTaskIsGone() {
        long id = createTask("Short-lived", false);

        Http.Response deleted = http.delete("/api/tasks/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(http.get("/api/tasks/" + id).status()).isEqualTo(404);
        assertThat(http.delete("/api/tasks/" + id).status()).isEqualTo(404);
    }

    @Test
    void listShowsNewestFirstWithADefaultPageOf50AndANextLink() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(createTask("task " + i, false));
        }

        Http.Response first = http.get("/api/tasks");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("limit").asInt()).isEqualTo(50);
        assertThat(idsOf(first.json())).isEqualTo(ids.reversed().subList(0, 50));
        String next = first.json().get("next").asString();
        assertThat(first.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");

        Http.Response second = http.get(next);
        assertThat(idsOf(second.json())).isEqualTo(ids.reversed().subList(50, 60));
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        assertThat(second.header("Link")).isNull();
    }

    @Test
    void listFiltersByCompletedAndTheNextLinkKeepsTheFilter() {
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            createTask("open " + i, false);
            done.add(createTask("done " + i, true));
        }

        Http.Response first = http.get("/api/tasks?completed=true&limit=5");
        Http.Response second = http.get(first.json().get("next").asString());

        assertThat(first.json().get("next").asString())
                .contains("completed=true")
                .contains("limit=5");
        assertThat(idsOf(first.json())).isEqualTo(done.reversed().subList(0, 5));
        assertThat(idsOf(second.json())).isEqualTo(done.reversed().subList(5, 7));
        assertThat(idsOf(http.get("/api/tasks?completed=false&limit=500").json()))
                .hasSize(7);
    }

    @Test
    void listAcceptsThePageSizeLimits() {
        createTask("one", false);
        createTask("two", false);

        assertThat(idsOf(http.get("/api/tasks?limit=1").json())).hasSize(1);
        assertThat(idsOf(http.get("/api/tasks?limit=500").json())).hasSize(2);
    }

    static List<Long> idsOf(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}

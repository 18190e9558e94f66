package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.security.tokens.TokenHash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** API tokens: created by an admin and shown once, stored only as a hash, scoped, limited to services, revocable. */
class ApiTokensTest extends SecurityScenarios {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatedTokenIsShownOnceStoredOnlyAsItsHashAndWorksAtOnce() throws Exception {
        String token = create("ci-bot-" + System.nanoTime(), "[\"deploy\", \"read\"]", null);
        assertThat(token).startsWith("ecsc_").hasSize(5 + 43); // 256 random bits, base64url
        List<Map<String, Object>> rows =
                jdbc.sql("select * from api_token").query().listOfRows();
        assertThat(rows.toString()).doesNotContain(token).doesNotContain(token.substring(5));
        assertThat(rows).anySatisfy(r -> assertThat(r.get("sha256")).isEqualTo(TokenHash.sha256(token)));
        deployAs(token, BODY)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestedBy", containsString("token:ci-bot-")));
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + TestCallers.ADMIN))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .doesNotContain(token)
                        .doesNotContain(TokenHash.sha256(token)));
    }

    @Test
    void aRevokedTokenIsRefusedOnItsNextRequestWithoutARestart() throws Exception {
        String name = "short-lived-" + System.nanoTime();
        String token = create(name, "[\"read\"]", null);
        read("/api/services", token).andExpect(status().isOk());
        mvc.perform(delete("/api/tokens/" + name).header("Authorization", "Bearer " + TestCallers.ADMIN))
                .andExpect(status().isNoContent());
        read("/api/services", token).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/tokens/" + name).header("Authorization", "Bearer " + TestCallers.ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTokenLimitedToOtherServicesIs403ForThisOne() throws Exception {
        String token = create("billing-only-" + System.nanoTime(), "[\"deploy\", \"read\"]", "[\"billing\"]");
        deployAs(token, BODY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("limited to services [billing]")));
    }

    @Test
    void noCreatedTokenMayManageTokensAndNamesAreUnique() throws Exception {
        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TestCallers.ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"root\", \"scopes\": [\"admin\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.title").value("The token cannot be created"))
                .andExpect(jsonPath("$.detail").value("the admin scope is given only to configured tokens"));
        String name = "twice-" + System.nanoTime();
        create(name, "[\"read\"]", null);
        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TestCallers.ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"scopes\": [\"read\"]}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TestCallers.ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"scopes\": [\"everything\"]}"))
                .andExpect(status().isBadRequest());
    }

    private String create(String name, String scopes, String services) throws Exception {
        String body = "{\"name\": \"" + name + "\", \"scopes\": " + scopes
                + (services == null ? "" : ", \"services\": " + services) + "}";
        String json = mvc.perform(post("/api/tokens")
                        .header("Authorization", "Bearer " + TestCallers.ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(json).path("token").asString();
    }
}

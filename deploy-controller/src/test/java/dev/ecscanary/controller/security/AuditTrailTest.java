package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.fakes.TestCallers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** Every deployment, rollback and refused attempt is on the audit trail, which nothing can edit. */
class AuditTrailTest extends SecurityScenarios {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReleaseItsRefusedRollbackAndItsRollbackAreOnTheDeploymentsTrailWithWhoAndWhere() throws Exception {
        UUID id = deployWithIdToken();
        mvc.perform(post("/api/deployments/" + id + "/rollback")
                        .with(TestCallers.ci())
                        .header("User-Agent", "curl/8"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/deployments/" + id + "/rollback").with(TestCallers.operator()))
                .andExpect(status().isAccepted());

        List<AuditEntry> entries = trail.forDeployment(id);
        assertThat(entries)
                .extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::httpStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DEPLOY", "ACCEPTED", 202),
                        org.assertj.core.groups.Tuple.tuple("ROLLBACK", "REFUSED", 403),
                        org.assertj.core.groups.Tuple.tuple("ROLLBACK", "ACCEPTED", 202));
        AuditEntry deploy = entries.get(0);
        assertThat(deploy.caller()).isEqualTo("github:acme/shop@refs/heads/main run 4242");
        assertThat(deploy.repository()).isEqualTo("acme/shop");
        assertThat(deploy.workflowRun()).isEqualTo("https://github.com/acme/shop/actions/runs/4242/attempts/1");
        assertThat(deploy.subject()).isEqualTo("repo:acme/shop:ref:refs/heads/main");
        assertThat(deploy.service()).isEqualTo("demo-app");
        assertThat(deploy.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(entries.get(1).tokenName()).isEqualTo("test-ci");
        assertThat(entries.get(1).reason()).contains("'rollback'");
        assertThat(entries.get(1).userAgent()).isEqualTo("curl/8");
        assertThat(entries.get(2).caller()).isEqualTo("token:test-operator");

        read("/api/deployments/" + id + "/audit", TestCallers.READER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[1].reason").value(org.hamcrest.Matchers.containsString("rollback")));
    }

    @Test
    void theDeploymentPageShowsTheTrailToWhoeverMayReadThePageAndToNobodyElse() throws Exception {
        UUID id = deployWithIdToken();
        mvc.perform(post("/api/deployments/" + id + "/rollback").with(TestCallers.ci()))
                .andExpect(status().isForbidden());

        mvc.perform(get("/deployments/" + id))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        MockHttpSession viewer = (MockHttpSession)
                mvc.perform(post("/login").param("token", TestCallers.READER).with(csrf()))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        String page = mvc.perform(get("/deployments/" + id).session(viewer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page)
                .contains(
                        "<strong>Release requested</strong> by <span class=\"record-who\">"
                                + "github:acme/shop@refs/heads/main run 4242</span>",
                        "subject <code>repo:acme/shop:ref:refs/heads/main</code> · repository <code>acme/shop</code>",
                        "href=\"https://github.com/acme/shop/actions/runs/4242/attempts/1\"",
                        "<strong>Rollback</strong> by <span class=\"record-who\">token:test-ci</span>",
                        "<p class=\"record-meta muted small\">HTTP 403 · from <span class=\"mono\">127.0.0.1</span>",
                        "token &#39;test-ci&#39; does not have the &#39;rollback&#39; scope");
    }

    @Test
    void refusedAttemptsAreRecordedEvenWithoutCredentials() throws Exception {
        deployAs(null, BODY).andExpect(status().isUnauthorized());
        deployAs("bogus-token-value", BODY).andExpect(status().isUnauthorized());
        deployAs(IdTokens.valid().claim("repository", "acme/other").signed(), BODY)
                .andExpect(status().isForbidden());
        List<AuditEntry> newest = trail.recent(3);
        assertThat(newest).extracting(AuditEntry::action).containsOnly("DEPLOY");
        assertThat(newest).extracting(AuditEntry::httpStatus).containsExactly(403, 401, 401);
        assertThat(newest.get(0).reason()).contains("repository=acme/other");
        assertThat(newest.get(0).repository()).isEqualTo("acme/other");
        assertThat(newest.get(1).caller()).isEqualTo("anonymous");
        assertThat(newest).extracting(AuditEntry::reason).noneMatch(r -> r != null && r.contains("bogus-token-value"));
        read("/api/audit?limit=3", TestCallers.READER)
                .andExpect(jsonPath("$[0].httpStatus").value(403));
    }

    @Test
    void theTrailCannotBeEditedThroughTheApiNorInTheDatabase() throws Exception {
        deployAs(null, BODY);
        long count = count();
        mvc.perform(delete("/api/audit").with(TestCallers.operator())).andExpect(status().is4xxClientError());
        mvc.perform(put("/api/audit").with(TestCallers.operator())).andExpect(status().is4xxClientError());
        mvc.perform(delete("/api/deployments/" + UUID.randomUUID() + "/audit").with(TestCallers.operator()))
                .andExpect(status().is4xxClientError());
        assertThat(count())
                .as("nothing removed (the refused attempts were added)")
                .isGreaterThan(count);
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set caller = 'someone else'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
        long before = count();
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).hasMessageContaining("append-only");
        assertThat(count()).as("TRUNCATE removed nothing").isEqualTo(before);
    }

    @Test
    void signInsAreOnTheTrailWhetherTheyWorkOrNot() throws Exception {
        mvc.perform(
                post("/login")
                        .param("username", "x")
                        .param("token", "wrong-token-value")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()));
        mvc.perform(
                post("/login")
                        .param("username", "x")
                        .param("token", TestCallers.OPERATOR)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()));
        List<AuditEntry> newest = trail.recent(2);
        assertThat(newest).extracting(AuditEntry::action).containsOnly("SIGN_IN");
        assertThat(newest).extracting(AuditEntry::outcome).containsExactly("ACCEPTED", "REFUSED");
        assertThat(newest.get(0).caller()).isEqualTo("token:test-operator");
        assertThat(newest.toString()).doesNotContain("wrong-token-value").doesNotContain(TestCallers.OPERATOR);
    }

    private UUID deployWithIdToken() throws Exception {
        String location = deployAs(IdTokens.valid().signed(), BODY)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }
}

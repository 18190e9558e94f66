package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The deployment page's record: the audit trail of the release, who did what, when, from where, and how it ended. */
@WebTest
class DeploymentRecordTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatusPageFixture release;

    @Autowired
    AuditTrail trail;

    @BeforeEach
    void cleanWorld() {
        release.reset();
    }

    @Test
    void aRefusedRollbackThroughTheApiAndAnAcceptedOneFromThePageAreOnTheRecordWithWhoAndWhere() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);
        mvc.perform(post("/api/deployments/" + id + "/rollback")
                        .with(TestCallers.reader())
                        .header("User-Agent", "curl/8"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/deployments/" + id + "/rollback")
                        .with(RollbackFormTest.OPERATOR)
                        .with(csrf()))
                .andExpect(status().isSeeOther());

        String html = page(id);

        assertThat(html)
                .containsPattern(
                        "(?s)<ol class=\"record\" id=\"record\">\\s*<li class=\"bad\">.*?"
                                + "Refused</span> <strong>Rollback</strong> by <span class=\"record-who\">token:test-reader</span>"
                                + ".*?</p>\\s*<p class=\"record-meta muted small\">HTTP 403 · from <span class=\"mono\">127.0.0.1</span> · curl/8"
                                + ".*?<p class=\"record-reason\">token &#39;test-reader&#39; does not have the &#39;rollback&#39; scope</p>")
                .containsPattern("(?s)<li class=\"good\">.*?Accepted</span> <strong>Rollback</strong> by <span"
                        + " class=\"record-who\">user:alice</span>.*?HTTP 303 .*?<p class=\"record-reason\">from the status"
                        + " page: Rolled back by user:alice at 10% traffic</p>");
    }

    @Test
    void aCiCallerIsShownWithItsSubjectRepositoryAndWorkflowRun() throws Exception {
        UUID id = release.start("2.0.0", null);
        trail.record(new AuditEntry(
                null,
                release.now(),
                "github:acme/shop@refs/heads/main run 4242",
                "repo:acme/shop:ref:refs/heads/main",
                "acme/shop",
                "https://github.com/acme/shop/actions/runs/4242/attempts/1",
                null,
                "DEPLOY",
                "demo-app",
                id,
                "ACCEPTED",
                202,
                null,
                "10.0.0.7",
                "node"));

        assertThat(page(id))
                .contains("<strong>Release requested</strong> by <span class=\"record-who\">"
                        + "github:acme/shop@refs/heads/main run 4242</span>")
                .contains(
                        "subject <code>repo:acme/shop:ref:refs/heads/main</code> · repository <code>acme/shop</code> · run"
                                + " <a href=\"https://github.com/acme/shop/actions/runs/4242/attempts/1\" rel=\"noopener noreferrer\">"
                                + "github.com/acme/shop/actions/runs/4242/attempts/1</a> · HTTP 202 · from <span class=\"mono\">10.0.0.7</span>");
    }

    @Test
    void whatAnAttackerSentIsEscapedOnTheRecordAndAScriptRunIsNotALink() throws Exception {
        UUID id = release.start("2.0.0", null);
        mvc.perform(post("/deployments/" + id + "/rollback").header("User-Agent", "<script>alert('ua')</script>"))
                .andExpect(status().isForbidden());
        trail.record(new AuditEntry(
                null,
                release.now(),
                "github:evil/repo@refs/heads/x run 1",
                null,
                "evil/repo",
                "javascript:alert(1)",
                null,
                "ROLLBACK",
                "demo-app",
                id,
                "REFUSED",
                403,
                "no policy rule grants 'rollback' to repository=<img src=x onerror=alert(1)>",
                "10.0.0.9",
                null));

        String html = page(id);

        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;ua&#39;)&lt;/script&gt;")
                .contains("repository=&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x", "href=\"javascript:")
                .contains("run javascript:alert(1) · HTTP 403");
        assertThat(trail.forDeployment(id)).extracting(AuditEntry::userAgent).contains("<script>alert('ua')</script>");
    }

    @Test
    void aLongTrailShowsTheNewestFiftyAndSaysWhereTheRestIs() throws Exception {
        UUID id = release.start("2.0.0", null);
        Instant at = release.now();
        for (int n = 1; n <= AuditSection.SHOWN + 5; n++) {
            trail.record(new AuditEntry(
                    null,
                    at.plusSeconds(n),
                    "anonymous",
                    null,
                    null,
                    null,
                    null,
                    "ROLLBACK",
                    null,
                    id,
                    "REFUSED",
                    403,
                    "attempt " + n + ".",
                    "10.0.0." + n,
                    null));
        }

        String html = page(id);

        assertThat(html)
                .contains("attempt 6.", "attempt 55.")
                .doesNotContain("attempt 5.", "attempt 1.")
                .contains("The newest 50 entries are shown; GET /api/deployments/" + id + "/audit serves them all.");
    }

    @Test
    void aReleaseNobodyActedOnSaysSo() throws Exception {
        UUID id = release.start("2.0.0", null);

        assertThat(page(id)).contains("<h2 id=\"record-h\">Record</h2>", "Nothing recorded for this release yet.");
    }

    private String page(UUID id) throws Exception {
        return mvc.perform(get("/deployments/" + id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("&#61;", "=");
    }
}

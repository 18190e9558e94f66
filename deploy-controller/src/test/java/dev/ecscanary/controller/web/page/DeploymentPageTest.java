package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The deployment page as a release engineer reads it, rendered by the controller from what it recorded. */
@WebTest
class DeploymentPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatusPageFixture release;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void cleanWorld() {
        release.reset();
    }

    @Test
    void midReleaseShowsWhoFromWhereTheCurrentStepAndTheTrafficSplit() throws Exception {
        UUID id = release.start("2.0.0", "faster task list");
        release.step(10);
        release.step(20);
        release.step(30);

        String html = page(id);

        assertThat(html)
                .contains(
                        "demo-app",
                        "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0",
                        "ci (github actions)",
                        "faster task list",
                        "production");
        assertThat(html)
                .contains("href=\"https://github.com/acme/demo-app/commit/0123abcd4567\"", ">0123abc<")
                .contains("href=\"https://github.com/acme/demo-app/actions/runs/4242\"");
        assertThat(html)
                .contains("Step 3 of 10: 30% of traffic on the new version.")
                .contains("<li class=\"step done\">", "<li class=\"step current\">")
                .contains("<span class=\"step-label\">30%</span><span class=\"visually-hidden\"> current step</span>");
        assertThat(html)
                .contains("70% of production traffic on the version running before this release (original),"
                        + " 30% on 2.0.0 (replacement)")
                .contains("Original <span class=\"muted\">(before this release)</span>:")
                .contains("moves all production traffic back to the version running before this release.")
                .contains("<rect class=\"replacement\" x=\"70\" y=\"0\" width=\"30\"");
        assertThat(html).contains("In progress").contains("Roll back…");
    }

    @Test
    void theOriginalSideIsNamedAfterTheLastReleaseThatSucceededBeforeThisOne() throws Exception {
        UUID first = release.start("2.0.0", null);
        release.succeed();
        UUID second = release.start("2.0.1", null);
        release.step(10);

        String html = page(second);

        assertThat(html)
                .contains("90% of production traffic on 2.0.0 (original), 10% on 2.0.1 (replacement)")
                .contains("Original <strong>2.0.0</strong>:", "Replacement <strong>2.0.1</strong>:")
                .contains("moves all production traffic back to 2.0.0.")
                .doesNotContain("before this release");
        assertThat(page(first))
                .as("the first release had nothing of ours before it")
                .contains("Original <span class=\"muted\">(before this release)</span>:");
    }

    @Test
    void showsLifecycleEventsAlarmStatePerStepTheTimelineAndConsoleLinks() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);

        String html = page(id);

        assertThat(html)
                .contains("<span class=\"hook\">Install</span>", "<span class=\"hook\">AllowTraffic</span>")
                .containsPattern("In progress</span> <span class=\"hook\">AllowTraffic");
        assertThat(html)
                .containsPattern("(?s)<td>Step 1</td><td>10%</td>.*?title=\"demo-app-success-rate\">"
                        + "<span aria-hidden=\"true\">✓</span> OK");
        assertThat(html).contains("codedeploy started", "phase started", "Traffic on the replacement at 10%");
        String cd = release.codeDeploy().lastDeploymentId();
        assertThat(html)
                .contains("https://eu-central-1.console.aws.amazon.com/codesuite/codedeploy/deployments/" + cd
                        + "?region=eu-central-1")
                .contains("https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1"
                        + "#alarmsV2:alarm/demo-app-success-rate");
    }

    @Test
    void withoutARollbackThereIsOneLifecycleListAndNoRollbackSection() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);

        String html = page(id);

        assertThat(list(html, "lifecycle")).contains("<span class=\"hook\">AllowTraffic</span>");
        assertThat(html).doesNotContain("Rollback deployment", "id=\"rollback-lifecycle\"", "Release deployment");
    }

    @Test
    void aRollbackShowsTheRollbackDeploymentsOwnLifecycleBelowTheReleasesWithItsBadges() throws Exception {
        UUID id = release.start("2.0.1", null);
        String releaseDeployment = release.codeDeploy().lastDeploymentId();
        release.step(10);
        release.hurtUsers();
        release.minute(); // the controller finds CodeDeploy's rollback deployment and reads its target
        String rollbackDeployment = release.find(id).rollbackDeploymentId();
        assertThat(rollbackDeployment).isNotNull().isNotEqualTo(releaseDeployment);

        String rollingBack = page(id);

        assertThat(rollingBack)
                .contains("<h3 id=\"release-lifecycle-h\">Release deployment " + releaseDeployment + "</h3>")
                .contains("<h3 id=\"rollback-lifecycle-h\">Rollback deployment " + rollbackDeployment + "</h3>");
        assertThat(rollingBack.indexOf("id=\"rollback-lifecycle\""))
                .as("below the release's own")
                .isGreaterThan(rollingBack.indexOf("id=\"lifecycle\""));
        assertThat(list(rollingBack, "lifecycle"))
                .contains(
                        "<span class=\"badge bad\"><span aria-hidden=\"true\">✕</span> Failed</span> <span class=\"hook\">AllowTraffic</span>");
        assertThat(list(rollingBack, "rollback-lifecycle"))
                .contains(
                        "<span class=\"badge info\"><span aria-hidden=\"true\">▶</span> In progress</span> <span class=\"hook\">AllowTraffic</span>")
                .contains(
                        "<span class=\"badge good\"><span aria-hidden=\"true\">✓</span> Succeeded</span> <span class=\"hook\">BeforeInstall</span>")
                .contains("Pending</span> <span class=\"hook\">AfterAllowTraffic</span>")
                .doesNotContain("Failed");

        release.finishRollback(id);
        String rolledBack = page(id);

        assertThat(list(rolledBack, "rollback-lifecycle"))
                .contains("Succeeded</span> <span class=\"hook\">AllowTraffic</span>")
                .contains("Succeeded</span> <span class=\"hook\">AfterAllowTraffic</span>")
                .doesNotContain("In progress", "Pending");
    }

    @Test
    void chartsTheSuccessRateAgainstTheThresholdWithStepBoundaries() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);
        release.step(20);

        String html = page(id);

        assertThat(html)
                .contains(
                        "<svg class=\"chart\"",
                        "role=\"img\"",
                        "<title id=\"chart-title\">Success rate (%) of alarm demo-app-success-rate</title>")
                .contains("<line class=\"threshold\"", "threshold 99.50%")
                .contains("<line class=\"marker phase\"", ">10%</text>", ">20%</text>")
                .contains("<polyline class=\"series\"")
                .doesNotContain("point breach");
    }

    @Test
    void rolledBackReleaseTellsWhichAlarmInWhichStepAtWhatTrafficWithTheValuesAndHowLongItTook() throws Exception {
        UUID id = release.start("2.0.1", null);
        release.step(10);
        release.step(20);
        release.step(30);
        release.hurtUsers();
        release.finishRollback(id);
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLED_BACK);

        String html = page(id);

        assertThat(html)
                .contains("Rolled back")
                .containsPattern(
                        "The alarm demo-app-success-rate went into ALARM at \\d\\d:\\d\\d:\\d\\d UTC, during step 3 of 10,"
                                + " with 30% of production traffic on 2.0.1\\. The metric read 97\\.\\d+% at \\d\\d:\\d\\d:\\d\\d, 97\\.\\d+% at"
                                + " \\d\\d:\\d\\d:\\d\\d UTC, against a threshold of 99\\.50%\\. The controller stopped the release 2\\.3 s"
                                + " later; all traffic was back on the original version 41 s after that\\.")
                .contains("<dt>Detection</dt><dd>2.3 s", "<dt>Rollback</dt><dd>41 s")
                .contains("<li class=\"step stopped\">", "Stopped at step 3 of 10")
                .contains("point breach", ">stopped</text>")
                .doesNotContain("Roll back…");
    }

    @Test
    void saysSoWhenCloudWatchCannotBeReadInsteadOfAChart() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.cloudWatch().unavailable(true);

        String html = page(id);

        assertThat(html)
                .contains("CloudWatch could not be read, so there is no chart of demo-app-success-rate")
                .doesNotContain("<svg class=\"chart\"");
    }

    @Test
    void whatARequestSentIsEscapedAndAScriptLinkIsNotALink() throws Exception {
        UUID id = release.startWith("<script>alert(1)</script>", "javascript:alert(1)");

        String html = page(id);

        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("href=\"javascript:")
                .contains("javascript:alert(1)");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        UUID id = release.start("2.0.0", null);
        mvc.perform(get("/deployments/" + id))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                "default-src 'self'; script-src 'self';"
                                        + " style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
                                        + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void anUnknownDeploymentIsA404PageAndABadIdAProblem() throws Exception {
        mvc.perform(get("/deployments/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("There is no deployment")));
        mvc.perform(get("/deployments/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void eachEventIsColouredByItsTypesSeverityAndATypeThisVersionDoesNotKnowIsNeutral() throws Exception {
        UUID id = release.start("2.0.1", null);
        release.step(10);
        release.hurtUsers();
        jdbc.sql(
                        "insert into deployment_event (deployment_id, at, type, message) values (?, now(), 'FROM_A_NEWER_VERSION', 'later news')")
                .param(id)
                .update();

        String html = page(id);

        assertThat(html)
                .contains("<li class=\"bad\"><time")
                .containsPattern("<li class=\"bad\">[^\n]*<span class=\"event-type\">stop requested</span>")
                .containsPattern("<li class=\"neutral\">[^\n]*<span class=\"event-type\">phase started</span>")
                .containsPattern("<li class=\"neutral\">[^\n]*<span class=\"event-type\">unknown</span>"
                        + " <span class=\"event-message\">later news</span>");
    }

    /** The lifecycle list with this id, from its opening tag to its end. */
    private static String list(String html, String id) {
        int start = html.indexOf("<ol class=\"lifecycle\" id=\"" + id + "\"");
        assertThat(start).as("list %s on the page", id).isNotNegative();
        return html.substring(start, html.indexOf("</ol>", start));
    }

    private String page(UUID id) throws Exception {
        return mvc.perform(get("/deployments/" + id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replace("&#61;", "="); // mustache escapes = in attribute values; browsers read it as =
    }
}

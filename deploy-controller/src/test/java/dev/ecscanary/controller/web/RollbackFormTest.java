package dev.ecscanary.controller.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.fakes.TestCallers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The rollback button's form: confirmed, protected against cross-site request forgery, and its outcome shown. */
@WebTest
class RollbackFormTest {

    /** A signed-in release engineer with the operator role. */
    static final RequestPostProcessor OPERATOR = user("alice").roles("operator");

    @Autowired MockMvc mvc;
    @Autowired StatusPageFixture release;

    @BeforeEach
    void cleanWorld() {
        release.reset();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndStopsNothing() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);

        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf().useInvalidToken())).andExpect(status().isForbidden());

        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId())).isZero();
    }

    @Test
    void theConfirmedFormStopsTheReleaseOnceAndThePageSaysSo() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);

        String location = mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/deployments/" + id + "?rollback=REQUESTED"))
                .andReturn().getResponse().getHeader("Location");

        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId())).isEqualTo(1);
        assertThat(release.find(id).reason()).isEqualTo("Rolled back by user:alice at 10% traffic");
        mvc.perform(get(location))
                .andExpect(content().string(containsString("Rollback requested")))
                .andExpect(content().string(containsString("Rolling back")));
    }

    @Test
    void rollingBackAFinishedReleaseChangesNothingAndSaysWhy() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.succeed();

        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf()))
                .andExpect(header().string("Location", "/deployments/" + id + "?rollback=FINISHED"));
        mvc.perform(get("/deployments/" + id + "?rollback=FINISHED"))
                .andExpect(content().string(containsString("Nothing was rolled back: the release had already finished.")));
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void withoutJavaScriptTheButtonAsksOnAPageWhoseFormCarriesTheToken() throws Exception {
        UUID id = release.start("2.0.0", null);

        String html = mvc.perform(get("/deployments/" + id + "/rollback")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).contains("Roll back demo-app 2.0.0?", "<form method=\"post\" action=\"/deployments/" + id + "/rollback\">")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]{20,}\">");
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void theApiTakesABearerTokenNotTheSession() throws Exception {
        UUID id = release.start("2.0.0", null);
        mvc.perform(post("/api/deployments/" + id + "/rollback")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/deployments/" + id + "/rollback").with(TestCallers.operator())).andExpect(status().isAccepted());
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLING_BACK);
    }
}

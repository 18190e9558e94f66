package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The rollback button's form: confirmed, protected against cross-site request forgery, and its outcome shown. */
@WebTest
class RollbackFormTest {

    /** A release engineer signed in with the operator role, holding what {@code Roles} gives an operator. */
    static final RequestPostProcessor OPERATOR = user("alice")
            .authorities(
                    new SimpleGrantedAuthority("ROLE_operator"),
                    new SimpleGrantedAuthority("ROLE_viewer"),
                    new SimpleGrantedAuthority("SCOPE_read"),
                    new SimpleGrantedAuthority("SCOPE_rollback"));

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
    void aPostWithoutTheCsrfTokenIsRefusedAndStopsNothing() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);

        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());

        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isZero();
    }

    @Test
    void theConfirmedFormStopsTheReleaseOnceAndThePageSaysSo() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);

        String location = mvc.perform(
                        post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/deployments/" + id + "?rollback=REQUESTED"))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isEqualTo(1);
        assertThat(release.find(id).reason()).isEqualTo("Rolled back by user:alice at 10% traffic");
        mvc.perform(get(location))
                .andExpect(content().string(containsString("Rollback requested")))
                .andExpect(content().string(containsString("Rolling back")));
        AuditEntry entry = trail.forDeployment(id).getLast();
        assertThat(entry.action()).isEqualTo("ROLLBACK");
        assertThat(entry.caller()).isEqualTo("user:alice");
        assertThat(entry.service()).isEqualTo("demo-app");
        assertThat(entry.outcome()).isEqualTo("ACCEPTED");
        assertThat(entry.httpStatus()).isEqualTo(303);
        assertThat(entry.reason()).isEqualTo("from the status page: Rolled back by user:alice at 10% traffic");
    }

    @Test
    void aSecondRollbackOfAReleaseAlreadyRollingBackSendsNothingAndSaysSo() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);
        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf()));

        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf()))
                .andExpect(header().string("Location", "/deployments/" + id + "?rollback=ALREADY"));

        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isEqualTo(1);
        mvc.perform(get("/deployments/" + id + "?rollback=ALREADY"))
                .andExpect(content()
                        .string(containsString("The release was already rolling back; nothing more was sent.")));
        assertThat(trail.forDeployment(id).getLast().reason())
                .isEqualTo("from the status page: the release was already rolling back; nothing more was sent");
    }

    @Test
    void rollingBackAFinishedReleaseChangesNothingAndSaysWhy() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.succeed();

        mvc.perform(post("/deployments/" + id + "/rollback").with(OPERATOR).with(csrf()))
                .andExpect(header().string("Location", "/deployments/" + id + "?rollback=FINISHED"));
        mvc.perform(get("/deployments/" + id + "?rollback=FINISHED"))
                .andExpect(
                        content().string(containsString("Nothing was rolled back: the release had already finished.")));
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.SUCCEEDED);
        AuditEntry entry = trail.forDeployment(id).getLast();
        assertThat(entry.action()).isEqualTo("ROLLBACK");
        assertThat(entry.outcome())
                .as("a redirect, but the rollback was refused")
                .isEqualTo("REFUSED");
        assertThat(entry.httpStatus()).isEqualTo(303);
        assertThat(entry.service()).isEqualTo("demo-app");
        assertThat(entry.reason())
                .isEqualTo("from the status page: Deployment " + id + " already finished as SUCCEEDED");
    }

    @Test
    void anOperatorWhoseTokenIsLimitedToAnotherServiceRollsNothingBackFromThePage() throws Exception {
        UUID id = release.start("2.0.0", null);
        release.step(10);
        MockHttpSession session = signInWith(tokenLimitedTo("billing"));

        mvc.perform(post("/deployments/" + id + "/rollback").session(session).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/deployments/" + id + "?rollback=NOT_ALLOWED"));

        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(release.codeDeploy().stopCalls(release.find(id).codeDeployDeploymentId()))
                .isZero();
        AuditEntry entry = trail.forDeployment(id).getLast();
        assertThat(entry.outcome()).isEqualTo("REFUSED");
        assertThat(entry.service()).isEqualTo("demo-app");
        assertThat(entry.reason()).contains("is limited to services [billing], not 'demo-app'");
        mvc.perform(get("/deployments/" + id + "?rollback=NOT_ALLOWED"))
                .andExpect(content().string(containsString("your sign-in may not roll back releases of this service")));
    }

    /** A new API token with the rollback and read scopes for one service, made through the API by an admin. */
    private String tokenLimitedTo(String service) throws Exception {
        String name = "ops-" + service + "-" + UUID.randomUUID().toString().substring(0, 8);
        String created = mvc.perform(post("/api/tokens")
                        .with(TestCallers.bearer(TestCallers.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "scopes": ["rollback", "read"], "services": ["%s"]}""".formatted(name, service)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(created, "$.token");
    }

    private MockHttpSession signInWith(String token) throws Exception {
        return (MockHttpSession)
                mvc.perform(post("/login").param("token", token).with(csrf()))
                        .andExpect(header().string("Location", not(containsString("error"))))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
    }

    @Test
    void withoutJavaScriptTheButtonAsksOnAPageWhoseFormCarriesTheToken() throws Exception {
        UUID id = release.start("2.0.0", null);

        String html = mvc.perform(get("/deployments/" + id + "/rollback"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html)
                .contains(
                        "Roll back demo-app 2.0.0?",
                        "<form method=\"post\" action=\"/deployments/" + id + "/rollback\">")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]{20,}\">");
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void theApiTakesABearerTokenNotTheSession() throws Exception {
        UUID id = release.start("2.0.0", null);
        mvc.perform(post("/api/deployments/" + id + "/rollback")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/deployments/" + id + "/rollback").with(TestCallers.operator()))
                .andExpect(status().isAccepted());
        assertThat(release.status(id)).isEqualTo(DeploymentStatus.ROLLING_BACK);
    }
}

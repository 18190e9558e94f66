package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.fakes.TestCallers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Signing out of the status page: only a form post with the session's CSRF token does it; it ends the session (its
 * sign-in gone, its cookie deleted) and lands on the sign-in page saying so; it is on the audit trail like signing in,
 * under the caller who was signed in; and a page left open from the ended session can do nothing any more.
 */
class SignOutTest extends SecurityScenarios {

    @Autowired
    AuditTrail trail;

    @Autowired
    Releases releases;

    @Test
    void signingOutEndsTheSessionDeletesItsCookieAndLandsOnTheSignInPage() throws Exception {
        MockHttpSession session = signIn(TestCallers.OPERATOR);

        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/login?logout"))
                .andExpect(header().string("Set-Cookie", containsString("JSESSIONID=")))
                .andExpect(header().string("Set-Cookie", containsString("Max-Age=0")));

        assertThat(session.isInvalid()).as("the session is invalidated").isTrue();
        mvc.perform(get("/services/demo-app/deployments").session(session))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login")));
        assertThat(page("/login?logout"))
                .contains("<div class=\"notice good\" role=\"status\">You are signed out.</div>")
                .doesNotContain("Signed in as");
    }

    @Test
    void aSignOutWithoutTheCsrfTokenIsRefusedAndTheSessionGoesOn() throws Exception {
        MockHttpSession session = signIn(TestCallers.OPERATOR);

        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());

        assertThat(session.isInvalid()).isFalse();
        mvc.perform(get("/services/demo-app/deployments").session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Signed in as <strong>token:test-operator</strong>")));
        AuditEntry refused = newest("SIGN_OUT");
        assertThat(refused.outcome()).isEqualTo("REFUSED");
        assertThat(refused.httpStatus()).isEqualTo(403);
        assertThat(refused.caller()).isEqualTo("token:test-operator");
        assertThat(refused.reason()).isEqualTo("the form's CSRF token is missing or is not this session's");
    }

    @Test
    void theSignOutIsOnTheAuditTrailUnderWhoSignedOutLikeTheSignIn() throws Exception {
        MockHttpSession session = signIn(TestCallers.READER);

        mvc.perform(post("/logout").session(session).with(csrf()).header("User-Agent", "Firefox/140"));

        AuditEntry signIn = newest("SIGN_IN");
        AuditEntry signOut = newest("SIGN_OUT");
        assertThat(signOut.id()).isGreaterThan(signIn.id());
        assertThat(signOut.caller()).isEqualTo(signIn.caller()).isEqualTo("token:test-reader");
        assertThat(signOut.subject()).isEqualTo(signIn.subject()).isEqualTo("test-reader");
        assertThat(signOut.outcome()).isEqualTo("ACCEPTED");
        assertThat(signOut.httpStatus()).isEqualTo(303);
        assertThat(signOut.reason()).isEqualTo("signed out as viewer; the session was ended and its cookie cleared");
        assertThat(signOut.userAgent()).isEqualTo("Firefox/140");
        assertThat(signOut.remoteAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void anOpenIdConnectSignOutIsRecordedUnderTheProvidersSubjectAsItsSignInWas() throws Exception {
        MockHttpSession alice = SignedInHeaderTest.oidcSession("alice", "release-engineers");

        mvc.perform(post("/logout").session(alice).with(csrf())).andExpect(status().isSeeOther());

        AuditEntry signOut = newest("SIGN_OUT");
        assertThat(signOut.caller()).isEqualTo("user:alice");
        assertThat(signOut.subject()).isEqualTo("stand-in|alice");
        assertThat(signOut.reason()).isEqualTo("signed out as operator; the session was ended and its cookie cleared");
        assertThat(alice.isInvalid()).isTrue();
    }

    @Test
    void aRollbackPostedFromAPageOfTheEndedSessionDoesNothingAndSendsTheBrowserToSignIn() throws Exception {
        UUID id = releaseInFlight();
        MockHttpSession session = signIn(TestCallers.OPERATOR);
        String staleToken = csrfTokenOf(page("/deployments/" + id, session));
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().isSeeOther());

        // the browser, its cookie deleted, posts the form of the page it still shows: without a session
        mvc.perform(post("/deployments/" + id + "/rollback").param("_csrf", staleToken))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/login?ended"));

        assertUntouched(id);
        AuditEntry refused = newest("ROLLBACK");
        assertThat(refused.outcome()).isEqualTo("REFUSED");
        assertThat(refused.caller()).isEqualTo("anonymous");
        assertThat(refused.deploymentId()).isEqualTo(id);
        assertThat(refused.reason()).contains("session ended", "nothing was done");
        assertThat(page("/login?ended"))
                .contains("Your session had ended (you signed out, or it expired), so nothing"
                        + " was done. Sign in and try again.");
    }

    @Test
    void aSecondSignOutFromAStaleFormJustSaysSignedOut() throws Exception {
        MockHttpSession session = signIn(TestCallers.OPERATOR);
        String staleToken = csrfTokenOf(page("/", session));
        mvc.perform(post("/logout").session(session).with(csrf()));

        mvc.perform(post("/logout").param("_csrf", staleToken))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/login?logout"));
    }

    @Test
    void aVisitorSentToSignInByARollbackIsRecordedAsRefusedNotAccepted() throws Exception {
        UUID id = releaseInFlight();

        mvc.perform(post("/deployments/" + id + "/rollback").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login")));

        AuditEntry entry = newest("ROLLBACK");
        assertThat(entry.outcome()).isEqualTo("REFUSED");
        assertThat(entry.reason()).isEqualTo("not signed in: sent to sign in first");
        assertUntouched(id);
    }

    @Test
    void pagesAreNeverStoredSoTheBackButtonAsksTheServerAgain() throws Exception {
        mvc.perform(get("/services/demo-app/deployments").session(signIn(TestCallers.READER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    /** The release goes on: nothing stopped it. */
    private void assertUntouched(UUID id) {
        assertThat(releases.find(id).orElseThrow()).satisfies(d -> {
            assertThat(d.status()).isIn(DeploymentStatus.PENDING, DeploymentStatus.IN_PROGRESS);
            assertThat(d.stopRequestedAt()).isNull();
        });
    }

    private MockHttpSession signIn(String token) throws Exception {
        return (MockHttpSession)
                mvc.perform(post("/login").param("token", token).with(csrf()))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getRequest()
                        .getSession(false);
    }

    private String page(String path) throws Exception {
        return page(path, new MockHttpSession());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("&#61;", "=");
    }

    private static String csrfTokenOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private AuditEntry newest(String action) {
        List<AuditEntry> recent = trail.recent(20);
        return recent.stream()
                .filter(e -> e.action().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " among " + recent));
    }
}

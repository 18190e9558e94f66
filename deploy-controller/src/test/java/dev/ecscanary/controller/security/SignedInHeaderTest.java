package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.security.signin.Roles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Every page's header says who is signed in (the name the audit trail records, and the role) and offers a sign-out
 * form that posts with the session's CSRF token; a visitor who has not signed in gets a way to sign in instead.
 */
class SignedInHeaderTest extends SecurityScenarios {

    @ParameterizedTest(name = "{0} signs in and sees {1}")
    @CsvSource({"test-operator-token, token:test-operator, operator", "test-reader-token,   token:test-reader,   viewer"
    })
    void aTokenSignInIsNamedAsTheTrailNamesItWithItsRoleAndASignOutForm(String token, String name, String role)
            throws Exception {
        MockHttpSession session = signInWithToken(token);

        String html = page("/", session);

        assertThat(html)
                .contains("<p class=\"signed-in\" id=\"signed-in\">Signed in as <strong>" + name + "</strong> · " + role
                        + "</p>");
        assertSignOutFormWithCsrfToken(html);
    }

    @ParameterizedTest(name = "{0} in group {1}")
    @CsvSource({"alice, release-engineers, operator", "bob,   developers,        viewer"})
    void anOpenIdConnectSignInIsNamedAsTheTrailNamesItWithTheRoleItsGroupGives(String user, String group, String role)
            throws Exception {
        String html = page("/", oidcSession(user, group));

        assertThat(html).contains("Signed in as <strong>user:" + user + "</strong> · " + role + "</p>");
        assertSignOutFormWithCsrfToken(html);
    }

    @Test
    void someoneInNoGroupMayReadNoPageButTheSignInPageSaysSoAndOffersToSignOut() throws Exception {
        MockHttpSession carol = oidcSession("carol", "marketing");
        mvc.perform(get("/").session(carol)).andExpect(status().isForbidden());

        String html = page("/login", carol);

        assertThat(html).contains("Signed in as <strong>user:carol</strong> · no role");
        assertSignOutFormWithCsrfToken(html);
    }

    @Test
    void theHeaderIsOnEveryPageOfTheStatusSite() throws Exception {
        UUID id = releaseInFlight();
        MockHttpSession operator = signInWithToken(TestCallers.OPERATOR);

        for (String path : List.of(
                "/",
                "/services/demo-app/deployments",
                "/deployments/" + id,
                "/deployments/" + id + "/rollback",
                "/deployments/" + UUID.randomUUID(),
                "/login")) {
            String html = mvc.perform(get(path).session(operator))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html)
                    .as(path)
                    .contains("Signed in as <strong>token:test-operator</strong> · operator")
                    .contains("<button type=\"submit\" class=\"button small\" id=\"sign-out\"");
        }
    }

    @Test
    void theSignInPageOffersNoSignInLinkAndNoSignOutToAVisitor() throws Exception {
        String html = page("/login", new MockHttpSession());

        assertThat(html).doesNotContain("Signed in as", "action=\"/logout\"", "class=\"sign-in-link\"");
    }

    private void assertSignOutFormWithCsrfToken(String html) {
        assertThat(html)
                .containsPattern("<form method=\"post\" action=\"/logout\" class=\"sign-out\">\\s*"
                        + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]{20,}\">\\s*"
                        + "<button type=\"submit\" class=\"button small\" id=\"sign-out\" aria-describedby=\"signed-in\">"
                        + "Sign out</button>\\s*</form>")
                .doesNotContain("href=\"/logout\"");
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("&#61;", "=");
    }

    private MockHttpSession signInWithToken(String token) throws Exception {
        return (MockHttpSession)
                mvc.perform(post("/login").param("token", token).with(csrf()))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getRequest()
                        .getSession(false);
    }

    /** A session as the OpenID Connect login leaves it: the ID token's user, with the roles its groups give. */
    static MockHttpSession oidcSession(String user, String group) {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken(
                "id-token-of-" + user,
                now,
                now.plusSeconds(300),
                Map.of("sub", "stand-in|" + user, "preferred_username", user, "groups", List.of(group)));
        Collection<GrantedAuthority> roles = switch (group) {
            case "release-engineers" -> Roles.operator();
            case "developers" -> Roles.viewer();
            default -> List.of();
        };
        DefaultOidcUser principal = new DefaultOidcUser(roles, idToken);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(principal, roles, "corp")));
        return session;
    }
}

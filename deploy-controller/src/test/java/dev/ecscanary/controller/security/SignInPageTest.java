package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The controller's own sign-in page: the OpenID Connect provider as a button, the API token in a field labelled as
 * one, its CSRF token, no inline script, and words when a token is refused or the person signed out.
 */
class SignInPageTest extends SecurityScenarios {

    @Test
    void offersTheProviderAndAFieldLabelledApiTokenWithTheCsrfTokenAndNoInlineScript() throws Exception {
        String html = signInPage("/login");

        assertThat(html)
                .contains("<a class=\"button primary\" href=\"/oauth2/authorization/corp\">Sign in with corp</a>")
                .contains("<form method=\"post\" action=\"/login\" class=\"token-form\">")
                .contains("<label for=\"token\">API token</label>")
                .containsPattern("<input id=\"token\" name=\"token\" type=\"password\" required [^>]*"
                        + "aria-describedby=\"token-help\">")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]{20,}\">")
                .doesNotContain("name=\"username\"", "Password", "sign-in-error");
        Matcher scripts = Pattern.compile("<script[^>]*>").matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group())
                    .as("scripts come from files, as the CSP demands")
                    .contains("src=\"/js/");
        }
        assertThat(html).doesNotContainPattern("<script[^>]*>[^<]+</script>").doesNotContainPattern(" on[a-z]+=\"");
    }

    @Test
    void aRefusedTokenComesBackToThePageWithAnAnnouncedErrorOnTheField() throws Exception {
        mvc.perform(post("/login").param("token", "not-a-token").with(csrf()))
                .andExpect(header().string("Location", "/login?error"));

        String html = signInPage("/login?error");

        assertThat(html)
                .contains("<div class=\"notice bad\" role=\"alert\" id=\"sign-in-error\">That token was not"
                        + " accepted: it is unknown, revoked, or may not read.")
                .contains("aria-describedby=\"token-help sign-in-error\" aria-invalid=\"true\"");
    }

    @Test
    void theOperatorTokenSignsInAndSigningOutSaysSo() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(
                        post("/login").param("token", TestCallers.OPERATOR).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(
                                "Location", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("error"))))
                .andReturn()
                .getRequest()
                .getSession(false);
        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(header().string("Location", "/login?logout"));

        assertThat(signInPage("/login?logout"))
                .contains("<div class=\"notice good\" role=\"status\">You are signed out.</div>");
    }

    private String signInPage(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("&#61;", "=");
    }
}

package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;

/** The browser side: CSRF on every form post, the security headers, the session cookie's attributes, sign-in roles. */
class PageSecurityTest extends SecurityScenarios {

    @LocalServerPort
    int port;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheOtherSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                allOf(
                                        containsString("script-src 'self'"),
                                        containsString("frame-ancestors 'none'"),
                                        not(containsString("unsafe-inline")),
                                        not(containsString("unsafe-eval")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void hstsIsSentOnlyBehindTls() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
        mvc.perform(get("/api/services").secure(true).with(TestCallers.reader()))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", "x").param("token", TestCallers.OPERATOR))
                .andExpect(status().isForbidden());
        MockHttpSession operator = signIn(TestCallers.OPERATOR);
        mvc.perform(post("/deployments/x/rollback").session(operator)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(operator)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(operator).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aReadTokenSignsInAsViewerAndARollbackTokenAsOperator() throws Exception {
        MockHttpSession viewer = signIn(TestCallers.READER);
        mvc.perform(get("/deployments/x").session(viewer)).andExpect(status().is(not(403)));
        mvc.perform(post("/deployments/x/rollback").session(viewer).with(csrf()))
                .andExpect(status().isForbidden());
        MockHttpSession operator = signIn(TestCallers.OPERATOR);
        mvc.perform(post("/deployments/x/rollback").session(operator).with(csrf()))
                .andExpect(status().is(not(403)));
        mvc.perform(post("/login")
                        .param("username", "x")
                        .param("token", "wrong")
                        .with(csrf()))
                .andExpect(header().string("Location", containsString("/login?error")));
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String form = "username=ops&token=" + enc(TestCallers.OPERATOR) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .as("a new session after signing in")
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("; Secure")
                        .containsIgnoringCase("; HttpOnly")
                        .containsIgnoringCase("; SameSite=Lax"));
    }

    private MockHttpSession signIn(String token) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login")
                        .param("username", "someone")
                        .param("token", token)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", not(containsString("error"))))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

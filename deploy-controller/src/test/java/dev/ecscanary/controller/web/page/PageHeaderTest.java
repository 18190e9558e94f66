package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.fakes.TestCallers;
import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The header where the pages may be read without signing in (as in the rehearsal): a visitor is offered the sign-in
 * page, never a sign-out that could not work; a bearer token on a page keeps no session, so nobody is shown signed in.
 */
@WebTest
class PageHeaderTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatusPageFixture release;

    @BeforeEach
    void cleanWorld() {
        release.reset();
    }

    @Test
    void aVisitorWhoHasNotSignedInIsOfferedTheSignInPageAndNoSignOut() throws Exception {
        UUID id = release.start("2.0.0", null);

        for (String path : new String[] {"/", "/deployments/" + id, "/services/demo-app/deployments"}) {
            assertThat(html(get(path)))
                    .as(path)
                    .contains("<a class=\"sign-in-link\" href=\"/login\">Sign in</a>")
                    .doesNotContain("Signed in as", "action=\"/logout\"", "id=\"sign-out\"");
        }
    }

    @Test
    void anApiClientWithABearerTokenIsNotShownSignedInNorOfferedASignOut() throws Exception {
        UUID id = release.start("2.0.0", null);

        String html = html(get("/deployments/" + id).with(TestCallers.operator()));

        assertThat(html).doesNotContain("Signed in as", "action=\"/logout\"", "token:test-operator</strong>");
    }

    @Test
    void anOperatorSignedInOnTheTokenFormIsShownInsteadOfTheSignInLink() throws Exception {
        MockHttpSession session = (MockHttpSession)
                mvc.perform(post("/login").param("token", TestCallers.OPERATOR).with(csrf()))
                        .andReturn()
                        .getRequest()
                        .getSession(false);

        String html = html(get("/").session(session));

        assertThat(html)
                .contains("Signed in as <strong>token:test-operator</strong> · operator", "id=\"sign-out\"")
                .doesNotContain("class=\"sign-in-link\"");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

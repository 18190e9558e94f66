package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.web.StatusPageFixture;
import dev.ecscanary.controller.web.WebTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The services overview and each service's history, as pages. */
@WebTest
class ServicesPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatusPageFixture release;

    @BeforeEach
    void cleanWorld() {
        release.reset();
    }

    @Test
    void showsEachServiceWithItsImageTheReleaseInFlightAndRecentOutcomes() throws Exception {
        release.start("1.9.0", null);
        release.succeed();
        UUID rolledBack = release.start("2.0.0", null);
        release.step(10);
        release.hurtUsers();
        release.finishRollback(rolledBack);
        UUID inFlight = release.start("2.0.1", null);
        release.step(10);
        release.step(20);

        String html = page("/");

        assertThat(html)
                .contains("<h2 id=\"service-demo-app\">demo-app</h2>", "ECS ecs-canary / demo-app")
                .contains("<code>123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:1.9.0</code>");
        assertThat(html)
                .contains("In flight: <a href=\"/deployments/" + inFlight + "\">2.0.1</a>")
                .contains("Step 2 of 10: 20% of traffic on the new version.");
        assertThat(html)
                .containsPattern(
                        "(?s)/deployments/" + rolledBack + "\".*?Rolled back</span></td>.*?<td>3 min 41 s</td>")
                .containsPattern("(?s)>1\\.9\\.0</a>.*?Succeeded</span>");
        assertThat(html).contains("href=\"/services/demo-app/deployments\"");
    }

    @Test
    void historyIsPagedNewestFirstAndFilteredByOutcome() throws Exception {
        for (int i = 0; i < 21; i++) {
            release.start("2.0." + i, null);
            release.succeed();
        }
        UUID rolledBack = release.start("3.0.0", null);
        release.hurtUsers();
        release.finishRollback(rolledBack);

        String first = page("/services/demo-app/deployments");
        assertThat(first)
                .contains(">3.0.0</a>", ">2.0.20</a>", ">2.0.2</a>")
                .doesNotContain(">2.0.1</a>")
                .contains("href=\"/services/demo-app/deployments?page=2\" rel=\"next\"");
        String second = page("/services/demo-app/deployments?page=2");
        assertThat(second).contains(">2.0.1</a>", ">2.0.0</a>", "rel=\"prev\"").doesNotContain("rel=\"next\"");

        String rolledBackOnly = page("/services/demo-app/deployments?outcome=ROLLED_BACK");
        assertThat(rolledBackOnly)
                .contains(">3.0.0</a>")
                .doesNotContain(">2.0.20</a>")
                .contains("class=\"filter selected\" aria-current=\"page\">Rolled back</a>");
        assertThat(page("/services/demo-app/deployments?outcome=FAILED")).contains("No failed releases yet.");
    }

    @Test
    void unknownServiceIsA404PageAndAnUnknownOutcomeAProblem() throws Exception {
        mvc.perform(get("/services/nope/deployments"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        mvc.perform(get("/services/demo-app/deployments?outcome=MAYBE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/services/demo-app/deployments?page=0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("&#61;", "="); // mustache escapes = in attribute values; browsers read it as =
    }
}

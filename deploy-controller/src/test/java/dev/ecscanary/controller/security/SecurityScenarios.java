package dev.ecscanary.controller.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.TestCallers;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the security tests share: a clean world, a release body, and a release in flight to roll back. */
abstract class SecurityScenarios extends SecurityTest {

    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0";
    static final String BODY = """
            {"service": "demo-app", "image": "%s", "environment": "production"}""".formatted(IMAGE);

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeAws aws;

    @Autowired
    FakeCloudWatch cloudWatch;

    @Autowired
    FakeCodeDeploy codeDeploy;

    @Autowired
    Reconciler reconciler;

    @BeforeEach
    void cleanWorld() {
        aws.reset(reconciler);
        cloudWatch.set("demo-app-success-rate", AlarmState.OK, Instant.now());
    }

    static MockHttpServletRequestBuilder release(String body) {
        return post("/api/deployments").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    ResultActions deployAs(String bearer, String body) throws Exception {
        MockHttpServletRequestBuilder request = release(body);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return mvc.perform(request);
    }

    /** A release accepted from the CI token, left in flight. */
    UUID releaseInFlight() throws Exception {
        String location = mvc.perform(release(BODY).with(TestCallers.ci()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        if (location == null) {
            throw new AssertionError("the release was not accepted");
        }
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    ResultActions read(String path, String bearer) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + bearer));
    }
}

package dev.ecscanary.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.ControllerTest;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.FakeEcs;
import dev.ecscanary.controller.fakes.TestCallers;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The REST API as CI sees it: status codes, problem types, headers and the deployment's shape. */
@ControllerTest
class DeploymentsApiTest {

    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0";
    static final String BODY = """
            {"service": "demo-app", "image": "%s", "environment": "production",
             "description": "ship it", "commitSha": "0123abc", "runUrl": "https://github.com/o/r/actions/runs/1"}""".formatted(IMAGE);

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeAws aws;

    @Autowired
    FakeCloudWatch cloudWatch;

    @Autowired
    FakeCodeDeploy codeDeploy;

    @Autowired
    FakeEcs ecs;

    @Autowired
    Reconciler reconciler;

    @Autowired
    dev.ecscanary.controller.fakes.MutableClock clock;

    @BeforeEach
    void cleanWorld() {
        aws.reset(reconciler);
        cloudWatch.set("demo-app-success-rate", AlarmState.OK, Instant.now());
    }

    @Test
    void startAnswers202WithLocationAndTheDeployment() throws Exception {
        post(BODY, null)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/deployments/")))
                .andExpect(jsonPath("$.service").value("demo-app"))
                .andExpect(jsonPath("$.image").value(IMAGE))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.commitSha").value("0123abc"))
                .andExpect(jsonPath("$.requestedBy").value("token:test-ci"))
                .andExpect(jsonPath("$.events[0].type").value("ACCEPTED"))
                .andExpect(jsonPath("$.analysis.inconclusivePolicy").value("ROLL_BACK"))
                .andExpect(jsonPath("$.createdAt").isString());
    }

    @Test
    void followingTheLocationShowsTheReleaseInProgress() throws Exception {
        String location = post(BODY, null).andReturn().getResponse().getHeader("Location");
        awaitIdle();
        reconciler.tick();
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.codeDeployDeploymentId").value(codeDeploy.lastDeploymentId()))
                .andExpect(jsonPath("$.taskDefinitionArn").value(containsString("task-definition/demo-app")))
                .andExpect(jsonPath("$.alarms[0].name").value("demo-app-success-rate"))
                .andExpect(jsonPath("$.alarms[0].state").value("OK"))
                .andExpect(jsonPath("$.phases[0].trafficPercent").value(0));
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstAnswer() throws Exception {
        String first = post(BODY, "run-42-attempt-1")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        post(BODY, "run-42-attempt-1")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", first))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(codeDeploy.created()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() throws Exception {
        post(BODY, "key-1").andExpect(status().isAccepted());
        post(BODY.replace("ship it", "something else"), "key-1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:idempotency-key-reused"));
    }

    @Test
    void aSecondReleaseWhileOneIsInFlightIs409NamingIt() throws Exception {
        String first = post(BODY, null).andReturn().getResponse().getHeader("Location");
        post(BODY.replace("2.0.0", "2.0.1"), null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:deployment-in-flight"))
                .andExpect(jsonPath("$.inFlightDeployment").value(first));
    }

    @Test
    void aFiringAlarmRefusesTheReleaseWith409OfItsOwnType() throws Exception {
        cloudWatch.set("demo-app-success-rate", AlarmState.ALARM, Instant.now());
        post(BODY, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:alarm-firing"))
                .andExpect(jsonPath("$.detail").value(containsString("already in ALARM")));
        assertThat(ecs.registered()).isEmpty();
    }

    @Test
    void aServiceNotDeployedByCodeDeployIs422() throws Exception {
        ecs.deploymentController("ECS");
        post(BODY, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:ecs-service-not-code-deploy"));
    }

    @Test
    void aMissingEcsServiceOrDeploymentGroupIs422() throws Exception {
        codeDeploy.groupMissing();
        post(BODY, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:deployment-group-not-found"));
        ecs.serviceMissing();
        post(BODY, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:ecs-service-not-found"));
    }

    @Test
    void anUnknownServiceIs404() throws Exception {
        post(BODY.replace("\"demo-app\"", "\"billing\""), null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:unknown-service"));
    }

    @Test
    void invalidFieldsAre400ListingEachField() throws Exception {
        post("""
                {"service": "", "image": "demo-app:2.0.0", "commitSha": "not-a-sha", "runUrl": "ftp://x"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("service")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("commitSha")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("runUrl")));
    }

    @Test
    void anImageThatIsNotAReferenceIs400AndCannotInjectIntoTheTaskDefinition() throws Exception {
        String injection = "demo-app:1\\\", \\\"privileged\\\": true, \\\"x\\\": \\\"";
        post(BODY.replace(IMAGE, injection), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("image"));
        post(BODY.replace(IMAGE, "demo-app"), null).andExpect(status().isBadRequest());
        assertThat(ecs.registered()).isEmpty();
    }

    @Test
    void anImageFromAnotherRepositoryIs400() throws Exception {
        post(BODY.replace(IMAGE, "docker.io/evil/demo-app:2.0.0"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:not-allowed"))
                .andExpect(jsonPath("$.detail").value(containsString("not allowed")));
    }

    @Test
    void malformedJsonIs400ProblemJson() throws Exception {
        post("{\"service\": ", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rollingBackAFinishedReleaseIs409AndAnUnknownOneIs404() throws Exception {
        String location = post(BODY, null).andReturn().getResponse().getHeader("Location");
        awaitIdle();
        codeDeploy.succeed(codeDeploy.lastDeploymentId());
        reconciler.tick();
        mvc.perform(get(location)).andExpect(jsonPath("$.status").value("SUCCEEDED"));
        mvc.perform(postTo(location + "/rollback"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:deployment-finished"));
        mvc.perform(postTo("/api/deployments/00000000-0000-0000-0000-000000000000/rollback"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/deployments/not-a-uuid")).andExpect(status().isBadRequest());
    }

    @Test
    void operatorRollbackAnswers202AndStopsOnce() throws Exception {
        String location = post(BODY, null).andReturn().getResponse().getHeader("Location");
        awaitIdle();
        String codeDeployId = codeDeploy.lastDeploymentId();
        mvc.perform(postTo(location + "/rollback"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ROLLING_BACK"))
                .andExpect(jsonPath("$.safetyNet.stopState").value("ACCEPTED"));
        mvc.perform(postTo(location + "/rollback")).andExpect(status().isAccepted());
        assertThat(codeDeploy.stopCalls(codeDeployId)).isEqualTo(1);
    }

    @Test
    void showsTheRollbackDeploymentsLifecycleApartFromTheReleasesOwn() throws Exception {
        String location = post(BODY, null).andReturn().getResponse().getHeader("Location");
        awaitIdle();
        reconciler.tick();
        mvc.perform(get(location))
                .andExpect(jsonPath("$.lifecycleEvents[?(@.name == 'AllowTraffic')].status")
                        .value(hasItem("InProgress")))
                .andExpect(jsonPath("$.rollbackDeploymentId").isEmpty())
                .andExpect(jsonPath("$.rollbackLifecycleEvents").isEmpty());
        String codeDeployId = codeDeploy.lastDeploymentId();

        mvc.perform(postTo(location + "/rollback")).andExpect(status().isAccepted());
        clock.advance(java.time.Duration.ofMinutes(1));
        reconciler.tick(); // the rollback deployment is found and read with its target
        String rollbackId = codeDeploy.deployment(codeDeployId).rollbackId;

        mvc.perform(get(location))
                .andExpect(jsonPath("$.status").value("ROLLING_BACK"))
                .andExpect(jsonPath("$.rollbackDeploymentId").value(rollbackId))
                .andExpect(jsonPath("$.lifecycleEvents[?(@.name == 'AllowTraffic')].status")
                        .value(hasItem("Failed")))
                .andExpect(jsonPath("$.rollbackLifecycleEvents.length()").value(9))
                .andExpect(jsonPath("$.rollbackLifecycleEvents[?(@.name == 'AllowTraffic')].status")
                        .value(hasItem("InProgress")))
                .andExpect(jsonPath("$.rollbackLifecycleEvents[0].name").value("BeforeInstall"))
                .andExpect(jsonPath("$.rollbackLifecycleEvents[0].startTime").isString())
                .andExpect(jsonPath("$.rollbackLifecycleEvents[0].endTime").isString());

        codeDeploy.completeRollback(rollbackId);
        clock.advance(java.time.Duration.ofMinutes(1));
        reconciler.tick();
        mvc.perform(get(location))
                .andExpect(jsonPath("$.status").value("ROLLED_BACK"))
                .andExpect(jsonPath("$.rollbackLifecycleEvents[?(@.name == 'AllowTraffic')].status")
                        .value(hasItem("Succeeded")));
    }

    @Test
    void listsNewestFirstFilteredByServiceAndStatus() throws Exception {
        post(BODY, null);
        awaitIdle();
        codeDeploy.succeed(codeDeploy.lastDeploymentId());
        reconciler.tick();
        clock.advance(java.time.Duration.ofMinutes(5));
        post(BODY.replace("2.0.0", "2.0.1"), null);
        mvc.perform(get("/api/deployments?service=demo-app&limit=10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].image").value(IMAGE.replace("2.0.0", "2.0.1")))
                .andExpect(jsonPath("$[1].status").value("SUCCEEDED"));
        mvc.perform(get("/api/deployments?status=SUCCEEDED"))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/deployments?limit=0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/deployments?status=WHATEVER")).andExpect(status().isBadRequest());
    }

    @Test
    void servicesShowTheCurrentImageAndTheReleaseInFlight() throws Exception {
        post(BODY, null);
        awaitIdle();
        codeDeploy.succeed(codeDeploy.lastDeploymentId());
        reconciler.tick();
        post(BODY.replace("2.0.0", "2.0.1"), null);
        mvc.perform(get("/api/services"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("demo-app"))
                .andExpect(jsonPath("$[0].currentImage").value(IMAGE))
                .andExpect(jsonPath("$[0].inFlight.image").value(IMAGE.replace("2.0.0", "2.0.1")))
                .andExpect(jsonPath("$[0].inFlight.events[0].type").value("ACCEPTED"));
    }

    @Test
    void theServicesAnswerFollowsEveryChangeOfTheReleaseInFlight() throws Exception {
        post(BODY, null);
        awaitIdle();
        reconciler.tick();
        mvc.perform(get("/api/services"))
                .andExpect(jsonPath("$[0].inFlight.trafficPercent").value(0));
        mvc.perform(get("/api/services"))
                .andExpect(jsonPath("$[0].inFlight.trafficPercent").value(0));

        codeDeploy.shiftTo(10);
        reconciler.tick();
        mvc.perform(get("/api/services"))
                .andExpect(jsonPath("$[0].inFlight.trafficPercent").value(10));

        codeDeploy.succeed(codeDeploy.lastDeploymentId());
        reconciler.tick();
        mvc.perform(get("/api/services"))
                .andExpect(jsonPath("$[0].inFlight").isEmpty())
                .andExpect(jsonPath("$[0].currentImage").value(IMAGE));
    }

    /** A rollback, sent by an operator. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postTo(String uri) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(uri)
                .with(TestCallers.operator());
    }

    /** A read, sent by a read-only token. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder get(String uri) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri)
                .with(TestCallers.reader());
    }

    private ResultActions post(String body, String idempotencyKey) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/deployments")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(TestCallers.ci());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    /** Waits until the reconciler's first look at the newest release has created it in CodeDeploy, and let go of it. */
    private void awaitIdle() throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            reconciler.tick();
            boolean busy = aws.anyDeploymentBusy(reconciler);
            if (!codeDeploy.created().isEmpty() && !busy) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the release was not created in CodeDeploy in time");
    }
}

package dev.ecscanary.controller.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.fakes.TestCallers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The whole controller with its real AWS adapters and SDK clients, talking over HTTP to the {@link AwsStandIn}; the
 * test ticks the reconciler and moves the shared clock. Every subclass shares one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(WireTestConfiguration.class)
abstract class WireScenarioSupport {

    static final String SERVICE = SharedStandIn.SERVICE;
    static final String ALARM = SharedStandIn.ALARM;
    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0";
    static final String BODY = """
            {"service": "demo-app", "image": "%s", "environment": "production", "commitSha": "0123abc"}""".formatted(IMAGE);

    final AwsStandIn aws = SharedStandIn.aws();
    final StandInWorld world = aws.world();
    final MutableClock clock = SharedStandIn.clock();

    @Autowired
    MockMvc mvc;

    @Autowired
    Reconciler reconciler;

    @Autowired
    Releases releases;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void pointTheControllerAtTheStandIn(DynamicPropertyRegistry registry) {
        SharedStandIn.controllerProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void emptyWorld() {
        awaitIdle();
        aws.reset();
        jdbc.sql("truncate deployment cascade").update();
    }

    ResultActions postRelease(String body, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/deployments")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(TestCallers.ci());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    UUID idOf(ResultActions accepted) {
        String location = accepted.andReturn().getResponse().getHeader("Location");
        assertThat(location).as("Location of the accepted release").isNotNull();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Posts a release and ticks until CodeDeploy has it, then once more: the replacement is installed at 0%. */
    UUID startRelease() throws Exception {
        UUID id = idOf(postRelease(BODY, null));
        awaitStarted(id);
        assertThat(deployment(id).status())
                .as("events %s", deployment(id).events())
                .isEqualTo(DeploymentStatus.IN_PROGRESS);
        reconciler.tick();
        return id;
    }

    void awaitStarted(UUID id) throws InterruptedException {
        driver().awaitStarted(id);
    }

    void awaitFirstStep(UUID id) throws InterruptedException {
        driver().awaitFirstStep(id);
    }

    /** Waits for work the controller does off the test's thread (a new release's first step) to end. */
    void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && jdbc.sql("select id from deployment").query(UUID.class).list().stream()
                        .anyMatch(reconciler::isBusy)) {
            Thread.onSpinWait();
        }
    }

    void minute() {
        driver().minute();
    }

    void shiftAndWatch(int... percents) {
        driver().shiftAndWatch(SERVICE, percents);
    }

    private ReleaseDriver driver() {
        return new ReleaseDriver(releases, reconciler, clock, world);
    }

    Deployment deployment(UUID id) {
        return releases.find(id).orElseThrow();
    }

    String codeDeployId(UUID id) {
        return deployment(id).codeDeployDeploymentId();
    }

    static List<EventType> eventTypes(Deployment d) {
        return d.events().stream().map(DeploymentEvent::type).toList();
    }
}

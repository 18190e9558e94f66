package dev.ecscanary.controller.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static dev.ecscanary.controller.aws.AwsWireProtocol.CODEDEPLOY_JSON;
import static dev.ecscanary.controller.aws.AwsWireProtocol.ECS_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.DeployControllerApplication;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.StopState;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.revision.ImageReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A controller restart mid-release: the application context is closed and a new one started on the same embedded
 * PostgreSQL data directory, while the stand-in AWS carries on. The new controller must take the release up where
 * CodeDeploy has it, never start it again, and never send a second StopDeployment.
 */
class WireRestartTest {

    static final String SERVICE = SharedStandIn.SERVICE;
    static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:3.1.0";

    private final AwsStandIn aws = SharedStandIn.aws();
    private final StandInWorld world = aws.world();
    private final MutableClock clock = SharedStandIn.clock();
    /** The controller now running; a test leaves its restarted controller for the next, to spare a start-up. */
    private static ConfigurableApplicationContext controller;

    private static Path dataDir;
    private static ReleaseDriver driver;

    @BeforeEach
    void emptyWorldAndStore() {
        aws.reset();
        if (controller == null) {
            dataDir = Path.of("target", "test-pg", "wire-restart-" + UUID.randomUUID());
            startController();
        } else {
            controller
                    .getBean(JdbcClient.class)
                    .sql("truncate deployment cascade")
                    .update();
        }
    }

    @AfterAll
    static void stopController() {
        SharedStandIn.aws().faults().releaseHeldAnswers();
        if (controller != null) {
            controller.close();
            controller = null;
        }
    }

    @Test
    void aRestartMidTrafficShiftResumesWhereCodeDeployIsWithoutStartingAgain() throws Exception {
        UUID id = startRelease();
        driver.shiftAndWatch(SERVICE, 10, 20, 30);

        restartController(() -> world.shiftTo(SERVICE, 50)); // CodeDeploy moved on while the controller was down
        Deployment resumed = driver.deployment(id);
        assertThat(resumed.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(resumed.trafficPercent()).isEqualTo(30);
        driver.minute();
        assertThat(driver.deployment(id).trafficPercent()).isEqualTo(50);
        driver.shiftAndWatch(SERVICE, 60, 70, 80, 90, 100);
        world.succeed(SERVICE);
        driver.minute();

        Deployment d = driver.deployment(id);
        assertThat(d.status()).as("events %s", d.events()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(d.phases())
                .extracting(Phase::trafficPercent)
                .containsExactly(0, 10, 20, 30, 50, 60, 70, 80, 90, 100);
        aws.server().verify(exactly(1), ECS_JSON.requestsOf("RegisterTaskDefinition"));
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("CreateDeployment"));
        aws.server().verify(exactly(0), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
    }

    @Test
    void aRestartAfterTheStopDecisionWhoseAnswerWasLostFollowsTheStopAndNeverSendsASecond() throws Exception {
        UUID id = startRelease();
        driver.shiftAndWatch(SERVICE, 10, 20, 30);
        world.setAlarm(SharedStandIn.ALARM, "ALARM", clock.instant());
        aws.faults().next("StopDeployment", WireFault.HOLD_ANSWER);
        clock.advance(Duration.ofMinutes(1));
        Reconciler dying = controller.getBean(Reconciler.class);
        CompletableFuture<Void> tick = CompletableFuture.runAsync(dying::tick);
        awaitStopReachedCodeDeploy();

        restartController(() -> {}); // the controller dies before the StopDeployment answer reaches it
        tick.handle((ok, failed) -> null).get(30, TimeUnit.SECONDS);
        Deployment resumed = driver.deployment(id);
        assertThat(resumed.status()).isEqualTo(DeploymentStatus.ROLLING_BACK);
        assertThat(resumed.stopState())
                .as("the decision was saved before the call")
                .isEqualTo(StopState.REQUESTED);

        driver.minute();
        Deployment d = driver.deployment(id);
        assertThat(d.stopState()).isEqualTo(StopState.ACCEPTED);
        assertThat(d.events())
                .extracting(DeploymentEvent::message)
                .anyMatch(m -> m.contains("CodeDeploy shows the deployment STOPPED"));
        assertThat(d.rollbackDeploymentId())
                .isEqualTo(world.rollbackOf(d.codeDeployDeploymentId()).orElseThrow());
        world.completeRollback(SERVICE);
        driver.minute();

        d = driver.deployment(id);
        assertThat(d.status()).as("events %s", d.events()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(d.events()).extracting(DeploymentEvent::type).doesNotContain(EventType.STOP_RESENT);
        assertThat(d.reason()).contains("phase 3").contains("30% traffic");
        aws.server().verify(exactly(1), CODEDEPLOY_JSON.requestsOf("StopDeployment"));
        assertThat(world.stopsApplied(SERVICE)).isEqualTo(1);
    }

    private UUID startRelease() throws InterruptedException {
        ReleaseRequest request = new ReleaseRequest(
                SERVICE, ImageReference.parse(IMAGE), "production", "restart", "abc1234", null, "test");
        UUID id = controller
                .getBean(Releases.class)
                .accept(request, null, null)
                .deployment()
                .id();
        driver.awaitStarted(id);
        controller.getBean(Reconciler.class).tick();
        return id;
    }

    private void awaitStopReachedCodeDeploy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (world.stopsApplied(SERVICE) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(world.stopsApplied(SERVICE))
                .as("StopDeployment carried out by CodeDeploy")
                .isEqualTo(1);
    }

    /** Closes the controller, lets {@code meanwhile} happen, and starts a new one on the same data directory. */
    private static void restartController(Runnable meanwhile) {
        controller.close();
        SharedStandIn.aws().faults().releaseHeldAnswers();
        meanwhile.run();
        startController();
    }

    private static void startController() {
        String[] args = SharedStandIn.controllerProperties().entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        controller = new SpringApplicationBuilder(DeployControllerApplication.class, WireTestConfiguration.class)
                .profiles("test")
                .properties("spring.main.web-application-type=none", "spring.main.banner-mode=off")
                .run(append(args, "--controller.store.embedded-data-dir=" + dataDir.toAbsolutePath()));
        driver = new ReleaseDriver(
                controller.getBean(Releases.class),
                controller.getBean(Reconciler.class),
                SharedStandIn.clock(),
                SharedStandIn.aws().world());
    }

    private static String[] append(String[] args, String arg) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = arg;
        return all;
    }
}

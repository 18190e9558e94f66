package dev.ecscanary.controller.deployment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.store.DeploymentQueries;
import dev.ecscanary.controller.deployment.store.DeploymentWrites;
import dev.ecscanary.controller.deployment.store.SavedVersions;
import dev.ecscanary.controller.fakes.ControllerTest;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.revision.ServiceCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A release's first step, taken on the reconciler's workers right after it is accepted, against ticks that run
 * meanwhile. The step's thread is held right after it read the release, as a busy machine may hold it, so that the
 * interleaving is forced rather than hoped for.
 */
@ControllerTest
class ReleaseFirstStepTest {

    @Autowired
    FakeAws aws;

    @Autowired
    Reconciler applicationReconciler;

    @Autowired
    FakeCodeDeploy codeDeploy;

    @Autowired
    FakeCloudWatch cloudWatch;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeploymentWrites writes;

    @Autowired
    ServiceCatalog catalog;

    @Autowired
    AlarmReader alarmReader;

    @Autowired
    ReconcileStep step;

    @Autowired
    TickAlarms tickAlarms;

    @Autowired
    DeploymentMetrics metrics;

    @Autowired
    ReconcilerProperties properties;

    private HoldingStore store;
    private Reconciler reconciler;

    @BeforeEach
    void cleanWorldWithAlarmOk() {
        aws.reset(applicationReconciler);
        cloudWatch.set("demo-app-success-rate", AlarmState.OK, clock.instant());
        store = new HoldingStore(jdbc);
        reconciler = new Reconciler(
                store, writes, tickAlarms, codeDeploy, step, metrics, clock, properties, new SimpleMeterRegistry());
    }

    @AfterEach
    void stopReconciler() {
        store.letGo();
        reconciler.stop();
    }

    @Test
    void aTickLeavesAReleaseToItsFirstStepUnderWayAndLooksAtItRightAfter() throws InterruptedException {
        UUID id = accepted();
        store.holdFirstReadOf(id);
        reconciler.reconcileSoon(id);
        assertThat(store.awaitHeld()).as("the first step read the release").isTrue();

        reconciler.tick();
        assertThat(store.find(id).orElseThrow().status())
                .as("a tick leaves the release to the worker taking its first step")
                .isEqualTo(DeploymentStatus.PENDING);
        assertThat(reconciler.isBusy(id)).as("the first step is still to come").isTrue();

        store.letGo();
        awaitIdle(id);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeploymentStatus.IN_PROGRESS);

        codeDeploy.shiftTo(10);
        clock.advance(Duration.ofMinutes(1));
        reconciler.tick();
        assertThat(store.find(id).orElseThrow().trafficPercent())
                .as("the first tick after the step looked at it")
                .isEqualTo(10);
        assertThat(codeDeploy.created()).hasSize(1);
    }

    private UUID accepted() {
        Deployment d = Deployment.accept(
                new ReleaseRequest(
                        "demo-app",
                        ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0"),
                        "production",
                        "first step",
                        "abc1234",
                        null,
                        "test"),
                InconclusivePolicy.ROLL_BACK,
                clock.instant());
        writes.insert(d, null, null);
        return d.id();
    }

    private void awaitIdle(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reconciler.isBusy(id) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reconciler.isBusy(id)).as("the first step is over").isFalse();
    }

    /** The real store; the first read of one release on a reconciler worker is held just after it was read. */
    static final class HoldingStore extends DeploymentQueries {

        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch goOn = new CountDownLatch(1);
        private volatile UUID holding;

        HoldingStore(JdbcClient jdbc) {
            super(jdbc, new SavedVersions()); // knows none of the saves: every look at a release asks the database
        }

        void holdFirstReadOf(UUID id) {
            holding = id;
        }

        boolean awaitHeld() throws InterruptedException {
            return held.await(10, TimeUnit.SECONDS);
        }

        void letGo() {
            holding = null;
            goOn.countDown();
        }

        @Override
        public Optional<Deployment> find(UUID id) {
            Optional<Deployment> read = super.find(id);
            if (id.equals(holding) && Thread.currentThread().getName().startsWith("reconcile-")) {
                holding = null;
                held.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }
    }
}

package dev.ecscanary.controller.fakes;

import dev.ecscanary.controller.api.ServicesOverview;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the fakes and the store back to a clean world between tests that share one application context. */
public class FakeAws {

    private final FakeCodeDeploy codeDeploy;
    private final FakeCloudWatch cloudWatch;
    private final FakeEcs ecs;
    private final JdbcClient jdbc;
    private final ServicesOverview overview;

    public FakeAws(
            FakeCodeDeploy codeDeploy,
            FakeCloudWatch cloudWatch,
            FakeEcs ecs,
            JdbcClient jdbc,
            ServicesOverview overview) {
        this.codeDeploy = codeDeploy;
        this.cloudWatch = cloudWatch;
        this.ecs = ecs;
        this.jdbc = jdbc;
        this.overview = overview;
    }

    /** True while the reconciler holds any stored deployment. */
    public boolean anyDeploymentBusy(dev.ecscanary.controller.deployment.reconcile.Reconciler reconciler) {
        return jdbc.sql("select id from deployment").query(java.util.UUID.class).list().stream()
                .anyMatch(reconciler::isBusy);
    }

    /** Waits for any work a previous test left running (a new release's first look), then empties the world. */
    public void reset(dev.ecscanary.controller.deployment.reconcile.Reconciler reconciler) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (anyDeploymentBusy(reconciler) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        codeDeploy.reset();
        cloudWatch.reset();
        ecs.reset();
        jdbc.sql(
                        "truncate deployment, deployment_alarm, deployment_phase, deployment_lifecycle_event, deployment_event, idempotency_key")
                .update();
        overview.forget();
    }
}

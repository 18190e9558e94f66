package dev.ecscanary.controller.wire;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.MutableClock;
import java.time.Duration;
import java.util.UUID;

/** Drives one controller through releases the way the scheduler would, one tick a minute on the shared clock. */
final class ReleaseDriver {

    private final Releases releases;
    private final Reconciler reconciler;
    private final MutableClock clock;
    private final StandInWorld world;

    ReleaseDriver(Releases releases, Reconciler reconciler, MutableClock clock, StandInWorld world) {
        this.releases = releases;
        this.reconciler = reconciler;
        this.clock = clock;
        this.world = world;
    }

    /** Waits for the release to leave PENDING, ticking only once its first step (see {@link #awaitFirstStep}) is over. */
    void awaitStarted(UUID id) throws InterruptedException {
        awaitFirstStep(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deployment(id).status() == DeploymentStatus.PENDING && System.nanoTime() < deadline) {
            reconciler.tick();
        }
    }

    /**
     * Waits, without ticking, for the first step the controller takes off the caller's thread right after accepting a
     * release: it starts the release, or records why AWS could not. A tick racing that step could hide it.
     */
    void awaitFirstStep(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Deployment d = deployment(id);
            boolean settled = d.status() != DeploymentStatus.PENDING || d.awsProblem() != null;
            if (settled && !reconciler.isBusy(id)) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the first step of release " + id + " did not settle: "
                + deployment(id).events());
    }

    /** A minute passes for CodeDeploy, CloudWatch and the controller, then the reconciler ticks. */
    void minute() {
        clock.advance(Duration.ofMinutes(1));
        reconciler.tick();
    }

    /** CodeDeploy shifts production traffic to each percentage in turn, a minute apart, watched by the controller. */
    void shiftAndWatch(String service, int... percents) {
        for (int percent : percents) {
            world.shiftTo(service, percent);
            minute();
        }
    }

    Deployment deployment(UUID id) {
        return releases.find(id).orElseThrow();
    }
}

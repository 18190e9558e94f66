package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.ecs.EcsService;
import dev.ecscanary.localaws.ecs.TaskSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A rollback deployment (creator codeDeployRollback) for ECS: all production and test traffic goes back to the
 * original task set, which stays PRIMARY, and the replacement task set is drained and removed.
 */
final class RollbackRun implements Runnable {

    static final List<String> LIFECYCLE = List.of("BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");

    private static final Logger LOG = Logger.getLogger(RollbackRun.class.getName());

    private final Deployment rollback;
    private final Deployment triggering;
    private final EcsService ecs;
    private final TrafficControl traffic;
    private final TimeScale timeScale;

    RollbackRun(
            Deployment rollback, Deployment triggering, EcsService ecs, TrafficControl traffic, TimeScale timeScale) {
        this.rollback = rollback;
        this.triggering = triggering;
        this.ecs = ecs;
        this.traffic = traffic;
        this.timeScale = timeScale;
    }

    @Override
    public void run() {
        EcsDeploymentTarget target = rollback.target();
        TaskSet original = triggering.target().original() != null
                ? triggering.target().original()
                : ecs.primary().orElse(null);
        TaskSet replacement = triggering.target().replacement();
        try {
            Thread.sleep(timeScale.realSeconds(2).toMillis());
            rollback.start();
            target.status("InProgress");
            target.taskSets(original, replacement);
            target.replacementWeight(triggering.target().replacementWeight());
            run(target.event("BeforeAllowTraffic"), () -> {});
            run(target.event("AllowTraffic"), () -> rerouteTo(original, replacement));
            run(target.event("AfterAllowTraffic"), () -> {});
            if (replacement != null && original != null) {
                ecs.removeTaskSet(replacement);
                target.taskSets(original, null);
            }
            target.status("Succeeded");
            rollback.finish("Succeeded", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rollback " + rollback.id() + " failed", e);
            target.failRemaining("INTERNAL_ERROR", e.toString());
            target.status("Failed");
            rollback.finish("Failed", "INTERNAL_ERROR", "The rollback failed: " + e);
        }
    }

    private void rerouteTo(TaskSet original, TaskSet replacement) {
        if (original == null) {
            return;
        }
        ecs.makePrimary(original);
        traffic.production(original.targetGroup(), traffic.loadBalancer().other(original.targetGroup()), 0);
        traffic.test(original.targetGroup());
        rollback.target().replacementWeight(0);
    }

    private static void run(LifecycleEvent event, Runnable work) {
        event.start();
        work.run();
        event.succeed();
    }
}

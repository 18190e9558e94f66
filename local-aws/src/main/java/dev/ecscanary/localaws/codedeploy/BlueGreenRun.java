package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.RehearsalNames;
import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.ecs.CannotStartTaskException;
import dev.ecscanary.localaws.ecs.EcsService;
import dev.ecscanary.localaws.ecs.TaskDefinition;
import dev.ecscanary.localaws.ecs.TaskDefinitionRegistry;
import dev.ecscanary.localaws.ecs.TaskSet;
import dev.ecscanary.localaws.elb.TargetGroup;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives one ECS blue/green deployment through its lifecycle events: the replacement task set starts and turns
 * healthy (Install), gets the test listener (AllowTestTraffic), takes production traffic step by step
 * (AllowTraffic), then, after the termination wait, the original task set is removed.
 */
final class BlueGreenRun implements Runnable {

    static final List<String> LIFECYCLE = List.of(
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "AllowTestTraffic",
            "AfterAllowTestTraffic",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic");

    private static final Logger LOG = Logger.getLogger(BlueGreenRun.class.getName());
    private static final Duration MIN_HEALTHY_WAIT = Duration.ofSeconds(120);

    /** A lifecycle event's work. */
    private interface Step {
        void run() throws DeploymentStopped, DeploymentFailed, InterruptedException;
    }

    private final Deployment deployment;
    private final AppSpec appSpec;
    private final EcsService ecs;
    private final TaskDefinitionRegistry taskDefinitions;
    private final TrafficControl traffic;
    private final TimeScale timeScale;
    private final Pacer pacer;
    private final RollbackStarter rollbacks;
    private TaskSet original;
    private TaskSet replacement;

    BlueGreenRun(
            Deployment deployment,
            AppSpec appSpec,
            EcsService ecs,
            TaskDefinitionRegistry taskDefinitions,
            TrafficControl traffic,
            TimeScale timeScale,
            AlarmWatch alarms,
            RollbackStarter rollbacks) {
        this.deployment = deployment;
        this.appSpec = appSpec;
        this.ecs = ecs;
        this.taskDefinitions = taskDefinitions;
        this.traffic = traffic;
        this.timeScale = timeScale;
        this.pacer = new Pacer(deployment, alarms);
        this.rollbacks = rollbacks;
    }

    @Override
    public void run() {
        EcsDeploymentTarget target = deployment.target();
        try {
            pacer.pause(timeScale.realSeconds(5));
            deployment.start();
            target.status("InProgress");
            event("BeforeInstall", () -> {});
            event("Install", this::install);
            event("AfterInstall", () -> {});
            event("AllowTestTraffic", () -> traffic.test(replacement.targetGroup()));
            event("AfterAllowTestTraffic", () -> {});
            waitUntilReady();
            event("BeforeAllowTraffic", () -> {});
            event("AllowTraffic", this::shiftProductionTraffic);
            event("AfterAllowTraffic", () -> {});
            ecs.makePrimary(replacement);
            waitBeforeTerminatingOriginal();
            ecs.removeTaskSet(original);
            target.taskSets(null, replacement);
            target.status("Succeeded");
            deployment.finish("Succeeded", null, null);
            deployment.group().succeeded(deployment);
        } catch (DeploymentStopped e) {
            end("Stopped", e.request().errorCode(), e.getMessage(), e.request().rollback());
        } catch (DeploymentFailed e) {
            end("Failed", e.code(), e.getMessage(), deployment.rollsBackOn("DEPLOYMENT_FAILURE"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deployment " + deployment.id() + " failed unexpectedly", e);
            end(
                    "Failed",
                    "INTERNAL_ERROR",
                    "An internal error occurred: " + e,
                    deployment.rollsBackOn("DEPLOYMENT_FAILURE"));
        }
    }

    private void event(String name, Step step) throws DeploymentStopped, DeploymentFailed, InterruptedException {
        pacer.check();
        LifecycleEvent event = deployment.target().event(name);
        event.start();
        deployment.target().touch();
        step.run();
        event.succeed();
        deployment.target().touch();
    }

    private void install() throws DeploymentStopped, DeploymentFailed, InterruptedException {
        original = ecs.primary()
                .orElseThrow(
                        () -> new DeploymentFailed("ECS_UPDATE_ERROR", "The ECS service has no PRIMARY task set."));
        for (TaskSet leftover : ecs.taskSets()) {
            if (leftover != original) {
                ecs.removeTaskSet(leftover);
            }
        }
        TargetGroup replacementGroup = traffic.loadBalancer().other(original.targetGroup());
        traffic.production(original.targetGroup(), replacementGroup, 0);
        traffic.test(original.targetGroup());
        TaskDefinition taskDefinition = taskDefinitions
                .find(appSpec.taskDefinition())
                .orElseThrow(() -> new DeploymentFailed(
                        "ECS_UPDATE_ERROR",
                        "Failed to create task set: the task definition " + appSpec.taskDefinition()
                                + " does not exist."));
        checkLoadBalancerInfo(taskDefinition);
        try {
            replacement = ecs.createTaskSet(taskDefinition, replacementGroup, deployment.id(), "ACTIVE");
        } catch (CannotStartTaskException e) {
            throw new DeploymentFailed(
                    "ECS_UPDATE_ERROR", "The replacement task set could not start: " + e.getMessage());
        }
        deployment.target().taskSets(original, replacement);
        Duration patience = max(timeScale.realMinutes(10), MIN_HEALTHY_WAIT);
        boolean healthy = pacer.pauseUntil(
                patience,
                () -> replacement.targetGroup().allHealthy(replacement.desiredCount())
                        || replacement.tasks().stream().anyMatch(t -> "STOPPED".equals(t.lastStatus())));
        if (!healthy || !replacement.targetGroup().allHealthy(replacement.desiredCount())) {
            throw new DeploymentFailed(
                    "ECS_UPDATE_ERROR",
                    "The replacement task set's tasks did not pass the " + replacementGroup.name()
                            + " health checks (a task stopped, or " + patience.toSeconds() + " s passed).");
        }
        ecs.markServing(replacement);
    }

    private void checkLoadBalancerInfo(TaskDefinition taskDefinition) throws DeploymentFailed {
        RehearsalNames names = ecs.names();
        if (appSpec.containerName() != null && !appSpec.containerName().equals(names.containerName())
                || appSpec.containerPort() != null && appSpec.containerPort() != names.containerPort()) {
            throw new DeploymentFailed(
                    "ECS_UPDATE_ERROR",
                    "The AppSpec's LoadBalancerInfo (" + appSpec.containerName() + ":"
                            + appSpec.containerPort() + ") does not match the ECS service's load balancer container "
                            + names.containerName() + ":" + names.containerPort() + ".");
        }
        if (taskDefinition.container(names.containerName()).isEmpty()) {
            throw new DeploymentFailed(
                    "ECS_UPDATE_ERROR", "The task definition has no container named " + names.containerName() + ".");
        }
    }

    /**
     * With a deployment ready option of STOP_DEPLOYMENT, the replacement answers only on the test listener until
     * ContinueDeployment(READY_WAIT); when the wait runs out the deployment is stopped.
     */
    private void waitUntilReady() throws DeploymentStopped, InterruptedException {
        int minutes = deployment.group().readyWaitMinutes();
        if (minutes == 0) {
            return;
        }
        deployment.waitForReady();
        deployment.target().status("Ready");
        deployment.target().touch();
        if (!pacer.pauseUntil(timeScale.realMinutes(minutes), deployment::continuedFromReady)) {
            throw new DeploymentStopped(new StopRequest(
                    "TIMEOUT",
                    "The deployment was stopped because traffic was not rerouted to the replacement task set within "
                            + "the deployment ready option's wait time of " + minutes + " minutes.",
                    false));
        }
        deployment.target().status("InProgress");
        deployment.target().touch();
    }

    private void shiftProductionTraffic() throws DeploymentStopped, InterruptedException {
        for (TrafficRouting.Step step : deployment.routing().steps()) {
            traffic.production(original.targetGroup(), replacement.targetGroup(), step.percent());
            deployment.target().replacementWeight(step.percent());
            deployment.trafficStepTaken();
            pacer.pause(timeScale.realMinutes(step.minutesAfter()));
        }
    }

    private void waitBeforeTerminatingOriginal() throws DeploymentStopped, InterruptedException {
        deployment.terminationWaitStarted(java.time.Instant.now());
        pacer.pauseUntil(
                timeScale.realMinutes(deployment.group().terminationWaitMinutes()), deployment::skipTerminationWait);
    }

    private void end(String status, String code, String message, boolean rollback) {
        deployment.target().failRemaining(code, message);
        deployment.target().status("Failed");
        Deployment rollbackDeployment = rollback ? rollbacks.prepare(deployment, message) : null;
        deployment.finish(status, code, message);
        if (rollbackDeployment != null) {
            rollbacks.start(rollbackDeployment, deployment);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

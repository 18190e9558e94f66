package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.ecs.EcsService;
import dev.ecscanary.localaws.ecs.TaskDefinitionRegistry;
import dev.ecscanary.localaws.elb.LoadBalancer;
import dev.ecscanary.localaws.wire.AwsException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The deployments of the one deployment group: creating, stopping and continuing them; each runs on its own thread. */
public final class Deployments implements RollbackStarter {

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeploymentGroup group;
    private final EcsService ecs;
    private final TaskDefinitionRegistry taskDefinitions;
    private final TrafficControl traffic;
    private final TimeScale timeScale;
    private final AlarmWatch alarms;
    private final Map<String, Deployment> byId = new ConcurrentHashMap<>();

    public Deployments(
            DeploymentGroup group,
            EcsService ecs,
            TaskDefinitionRegistry taskDefinitions,
            LoadBalancer loadBalancer,
            TimeScale timeScale,
            AlarmWatch alarms) {
        this.group = group;
        this.ecs = ecs;
        this.taskDefinitions = taskDefinitions;
        this.traffic = new TrafficControl(loadBalancer);
        this.timeScale = timeScale;
        this.alarms = alarms;
    }

    public DeploymentGroup group() {
        return group;
    }

    public Optional<Deployment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Deployment> all() {
        return byId.values();
    }

    public Optional<Deployment> active() {
        return byId.values().stream().filter(d -> !d.isFinal()).findFirst();
    }

    /** CreateDeployment for the group, after the API has validated names; the AppSpec is already parsed. */
    public synchronized Deployment create(
            AppSpec appSpec,
            JsonNode revision,
            TrafficRouting routing,
            String description,
            Boolean rollbackEnabled,
            List<String> rollbackEvents) {
        active().ifPresent(running -> {
            throw AwsException.client(
                    "DeploymentLimitExceededException",
                    "The Deployment Group '" + group.name() + "' already has an active Deployment '" + running.id()
                            + "'");
        });
        Deployment previous = group.lastSuccessful();
        Deployment deployment = new Deployment(
                newId(),
                group,
                routing,
                revision,
                previous == null ? null : previous.revision(),
                description,
                "user",
                rollbackEnabled != null ? rollbackEnabled : true,
                rollbackEvents != null ? rollbackEvents : group.autoRollbackEvents(),
                BlueGreenRun.LIFECYCLE);
        byId.put(deployment.id(), deployment);
        group.attempted(deployment);
        Thread.ofVirtual()
                .name("deployment-" + deployment.id())
                .start(new BlueGreenRun(deployment, appSpec, ecs, taskDefinitions, traffic, timeScale, alarms, this));
        return deployment;
    }

    /** StopDeployment: the deployment stops at its next check (within milliseconds), optionally rolling back. */
    public void stop(Deployment deployment, boolean autoRollback) {
        if (deployment.isFinal()) {
            throw AwsException.client(
                    "DeploymentAlreadyCompletedException",
                    "The deployment " + deployment.id() + " is already completed.");
        }
        deployment.requestStop(new StopRequest(
                "MANUAL_STOP",
                "The deployment was stopped by a user (StopDeployment" + (autoRollback ? ", with rollback)." : ")."),
                autoRollback));
    }

    /** ContinueDeployment with READY_WAIT: start rerouting production traffic to the replacement now. */
    public void continueReady(Deployment deployment) {
        if (deployment.isFinal()) {
            throw AwsException.client(
                    "DeploymentAlreadyCompletedException",
                    "The deployment " + deployment.id() + " is already completed.");
        }
        if (!deployment.continueFromReady()) {
            throw AwsException.client(
                    "DeploymentIsNotInReadyStateException",
                    "The deployment " + deployment.id() + " is not in the Ready state (it is " + deployment.status()
                            + "): there is no READY_WAIT to continue from.");
        }
    }

    /** ContinueDeployment with TERMINATION_WAIT: end the wait for the original task set's termination now. */
    public void continueTermination(Deployment deployment) {
        if (deployment.isFinal()) {
            throw AwsException.client(
                    "DeploymentAlreadyCompletedException",
                    "The deployment " + deployment.id() + " is already completed.");
        }
        if (deployment.terminationWaitStarted() == null) {
            throw AwsException.client(
                    "DeploymentIsNotInReadyStateException",
                    "The deployment " + deployment.id() + " is not waiting for the original task set's termination.");
        }
        deployment.continueFromTerminationWait();
    }

    @Override
    public Deployment prepare(Deployment triggering, String reason) {
        Deployment rollback = new Deployment(
                newId(),
                group,
                triggering.routing(),
                triggering.previousRevision(),
                triggering.revision(),
                null,
                "codeDeployRollback",
                false,
                List.of(),
                RollbackRun.LIFECYCLE);
        rollback.rollbackOf(triggering.id(), "Rollback of deployment " + triggering.id() + ": " + reason);
        triggering.rolledBackBy(
                rollback.id(),
                "Deployment " + triggering.id() + " was rolled back by deployment " + rollback.id() + ".");
        byId.put(rollback.id(), rollback);
        group.attempted(rollback);
        return rollback;
    }

    @Override
    public void start(Deployment rollback, Deployment triggering) {
        Thread.ofVirtual()
                .name("rollback-" + rollback.id())
                .start(new RollbackRun(rollback, triggering, ecs, traffic, timeScale));
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("d-");
        for (int i = 0; i < 9; i++) {
            id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}

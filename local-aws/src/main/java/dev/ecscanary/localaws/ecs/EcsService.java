package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.RehearsalNames;
import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.elb.Target;
import dev.ecscanary.localaws.elb.TargetGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ECS service {@code demo-app} in cluster {@code ecs-canary}, deployment controller CODE_DEPLOY: a list of
 * task sets that CodeDeploy creates, promotes and removes. Tasks are real processes behind real targets.
 */
public final class EcsService {

    private final RehearsalNames names;
    private final TimeScale timeScale;
    private final TaskLauncher launcher;
    private final ImageCatalogue catalogue;
    private final int desiredCount;
    private final Instant createdAt = Instant.now();
    private final List<TaskSet> taskSets = new CopyOnWriteArrayList<>();

    public EcsService(
            RehearsalNames names,
            TimeScale timeScale,
            TaskLauncher launcher,
            ImageCatalogue catalogue,
            int desiredCount) {
        this.names = names;
        this.timeScale = timeScale;
        this.launcher = launcher;
        this.catalogue = catalogue;
        this.desiredCount = desiredCount;
    }

    public String arn() {
        return names.arn("ecs", "service/" + names.cluster() + "/" + names.service());
    }

    public String clusterArn() {
        return names.arn("ecs", "cluster/" + names.cluster());
    }

    public RehearsalNames names() {
        return names;
    }

    public int desiredCount() {
        return desiredCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<TaskSet> taskSets() {
        return List.copyOf(taskSets);
    }

    public Optional<TaskSet> primary() {
        return taskSets.stream().filter(t -> "PRIMARY".equals(t.status())).findFirst();
    }

    /**
     * Creates a task set and starts its tasks; their targets join {@code targetGroup} in state initial.
     *
     * @throws CannotStartTaskException when the task definition lacks the service's container or its image is unknown
     */
    public TaskSet createTaskSet(
            TaskDefinition taskDefinition, TargetGroup targetGroup, String externalId, String status) {
        TaskDefinition.Container container = taskDefinition
                .container(names.containerName())
                .orElseThrow(() -> new CannotStartTaskException(
                        "The task definition has no container named " + names.containerName()));
        Map<String, String> baked = catalogue
                .bakedEnvironment(container.image())
                .orElseThrow(() -> new CannotStartTaskException(
                        "CannotPullContainerError: pull image manifest has been retried 5 time(s): " + container.image()
                                + ": not found"));
        String id = "ecs-svc/" + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L);
        TaskSet taskSet = new TaskSet(
                id,
                names.arn("ecs", "task-set/" + names.cluster() + "/" + names.service() + "/" + id),
                taskDefinition,
                container.image(),
                targetGroup,
                externalId,
                desiredCount,
                status);
        taskSets.add(taskSet);
        Map<String, String> environment = new HashMap<>(baked);
        environment.putAll(container.environment());
        for (int i = 0; i < desiredCount; i++) {
            startTask(taskSet, container.image(), environment);
        }
        return taskSet;
    }

    private void startTask(TaskSet taskSet, String image, Map<String, String> environment) {
        String taskId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        int port = freePort();
        Target target = new Target(taskId, port);
        Task task = new Task(taskId, names.arn("ecs", "task/" + names.cluster() + "/" + taskId), target);
        taskSet.tasks().add(task);
        taskSet.targetGroup().register(target);
        try {
            task.running(launcher.launch(taskId, image, port, environment));
        } catch (RuntimeException e) {
            task.failed("Task failed to start: " + e.getMessage());
            throw new CannotStartTaskException("Task failed to start: " + e.getMessage());
        }
    }

    /** Waits until every task of the set passes its health checks; false on timeout or when a task died. */
    public boolean awaitHealthy(TaskSet taskSet, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (taskSet.targetGroup().allHealthy(taskSet.desiredCount())) {
                markServing(taskSet);
                return true;
            }
            if (taskSet.tasks().stream().anyMatch(t -> "STOPPED".equals(t.lastStatus()))) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The task set's tasks passed their health checks: they serve now, at normal CPU priority. */
    public void markServing(TaskSet taskSet) {
        taskSet.tasks().forEach(Task::serving);
    }

    public void makePrimary(TaskSet taskSet) {
        taskSets.stream()
                .filter(t -> t != taskSet && "PRIMARY".equals(t.status()))
                .forEach(t -> t.status("ACTIVE"));
        taskSet.status("PRIMARY");
    }

    /**
     * Drains and deletes a task set: its targets stop getting new requests, in-flight ones finish (up to the
     * deregistration delay), then the tasks are stopped.
     */
    public void removeTaskSet(TaskSet taskSet) throws InterruptedException {
        taskSet.status("DRAINING");
        TargetGroup group = taskSet.targetGroup();
        List<Target> targets = taskSet.tasks().stream().map(Task::target).toList();
        targets.forEach(group::drain);
        Instant deadline =
                Instant.now().plus(timeScale.realSeconds(group.healthCheck().deregistrationDelaySeconds()));
        while (Instant.now().isBefore(deadline)
                && targets.stream().anyMatch(t -> t.inFlight().get() > 0)) {
            Thread.sleep(20);
        }
        targets.forEach(group::deregister);
        taskSet.tasks().parallelStream().forEach(Task::stop);
        taskSets.remove(taskSet);
    }

    /** Stops every task at once, for the end of the rehearsal. */
    public void stopAll() {
        taskSets.parallelStream().flatMap(t -> t.tasks().stream()).forEach(Task::stop);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.ecscanary.controller.wire;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the stand-in's AWS account holds: services with their alarms and listeners, CodeDeploy deployments, the
 * production traffic split and registered task definitions. Tests and the benchmark move it; the wire operations
 * read and change it. One lock guards all of it.
 */
public final class StandInWorld {

    /** A CloudWatch alarm's state as DescribeAlarms shows it. */
    public record Alarm(String state, String reason, Instant updatedAt) {}

    /** When a StopDeployment reached the stand-in, and whether it stopped anything. */
    public record StopArrival(String service, String deploymentId, Instant at, boolean applied) {}

    final Clock clock;
    private final Map<String, StandInService> services = new LinkedHashMap<>();
    /** Services by every name or ARN an operation may look them up by (cluster:service, app:group, alarm, ...). */
    private final Map<String, StandInService> index = new HashMap<>();

    private final Map<String, Alarm> alarms = new HashMap<>();
    private final Map<String, StandInDeployment> deployments = new LinkedHashMap<>();
    private final Map<String, Integer> greenPercent = new HashMap<>();
    private final Map<String, Integer> revisions = new HashMap<>();
    private final List<String> registeredImages = new ArrayList<>();
    private final List<StopArrival> stops = new ArrayList<>();
    private int ids;

    StandInWorld(Clock clock) {
        this.clock = clock;
    }

    // --- set-up and test controls -----------------------------------------------------------------------------

    public synchronized void add(StandInService service) {
        services.put(service.name(), service);
        for (String key : List.of(
                "ecs:" + service.ecsTargetId(),
                "group:" + service.application() + ":" + service.deploymentGroup(),
                "alarm:" + service.alarm(),
                "listener:" + service.productionListenerArn(),
                "listener:" + service.testListenerArn(),
                "tg:" + service.blueTargetGroup(),
                "tg:" + service.greenTargetGroup())) {
            index.put(key, service);
        }
        setAlarm(service.alarm(), "OK", clock.instant());
        greenPercent.put(service.name(), 0);
    }

    /** Back to the services with their alarms OK, all traffic on blue, and no deployments or task definitions. */
    public synchronized void reset() {
        deployments.clear();
        revisions.clear();
        registeredImages.clear();
        stops.clear();
        services.values().forEach(s -> {
            setAlarm(s.alarm(), "OK", clock.instant());
            greenPercent.put(s.name(), 0);
        });
    }

    /** CloudWatch keeps the state's timestamp to the millisecond; so does the stand-in. */
    public synchronized void setAlarm(String alarm, String state, Instant updatedAt) {
        alarms.put(
                alarm,
                new Alarm(
                        state,
                        state.equals("OK")
                                ? "Threshold not crossed"
                                : state.equals("ALARM")
                                        ? "Threshold Crossed: 2 out of the last 2 datapoints were less than the threshold (99.5)."
                                        : "Insufficient Data: 2 datapoints were unknown.",
                        updatedAt.truncatedTo(ChronoUnit.MILLIS)));
    }

    /** CodeDeploy moved production traffic: {@code percent} on the replacement (green) target group. */
    public synchronized void shiftTo(String service, int percent) {
        greenPercent.put(service, percent);
    }

    public synchronized void succeed(String service) {
        greenPercent.put(service, 100);
        release(service).end("Succeeded", null, null, clock.instant());
    }

    /** CodeDeploy's own alarm monitoring stops the release and starts its rollback. */
    public synchronized String stopByOwnAlarm(String service) {
        StandInDeployment d = release(service);
        d.end(
                "Stopped",
                "ALARM_ACTIVE",
                "One or more alarms have been activated according to the deployment group",
                clock.instant());
        return startRollback(d, "Rolled back because alarm " + d.service.alarm() + " was activated").id;
    }

    public synchronized void completeRollback(String service) {
        StandInDeployment release = release(service);
        greenPercent.put(service, 0);
        deployments.get(release.rollbackId).end("Succeeded", null, null, clock.instant());
    }

    // --- reads for assertions ---------------------------------------------------------------------------------

    public synchronized int greenPercent(String service) {
        return greenPercent.get(service);
    }

    public synchronized String status(String deploymentId) {
        return deployments.get(deploymentId).status;
    }

    public synchronized Optional<String> rollbackOf(String releaseId) {
        return Optional.ofNullable(deployments.get(releaseId).rollbackId);
    }

    /** The ids of the releases (not rollbacks) CodeDeploy created for the service, oldest first. */
    public synchronized List<String> releases(String service) {
        return deployments.values().stream()
                .filter(d -> d.service.name().equals(service) && !d.isRollback())
                .map(d -> d.id)
                .toList();
    }

    public synchronized String description(String deploymentId) {
        return deployments.get(deploymentId).description;
    }

    public synchronized List<String> registeredImages() {
        return List.copyOf(registeredImages);
    }

    public synchronized List<StopArrival> stops() {
        return List.copyOf(stops);
    }

    public synchronized long stopsApplied(String service) {
        return stops.stream()
                .filter(s -> s.service().equals(service) && s.applied())
                .count();
    }

    public synchronized Collection<StandInService> services() {
        return List.copyOf(services.values());
    }

    // --- for the wire operations ------------------------------------------------------------------------------

    /** Runs a read or change of the world atomically. */
    synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    Optional<StandInService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    Optional<StandInService> byEcsService(String cluster, String ecsService) {
        return Optional.ofNullable(index.get("ecs:" + cluster + ":" + ecsService));
    }

    Optional<StandInService> byGroup(String application, String group) {
        return Optional.ofNullable(index.get("group:" + application + ":" + group));
    }

    Optional<StandInService> byListener(String listenerArn) {
        return Optional.ofNullable(index.get("listener:" + listenerArn));
    }

    Optional<StandInService> byTargetGroup(String targetGroupName) {
        return Optional.ofNullable(index.get("tg:" + targetGroupName));
    }

    Optional<StandInService> byAlarm(String alarm) {
        return Optional.ofNullable(index.get("alarm:" + alarm));
    }

    Optional<Alarm> alarm(String name) {
        return Optional.ofNullable(alarms.get(name));
    }

    int green(StandInService service) {
        return greenPercent.get(service.name());
    }

    int nextRevision(String family, String image) {
        registeredImages.add(image);
        return revisions.merge(family, 1, Integer::sum);
    }

    StandInDeployment deployment(String id) {
        StandInDeployment d = deployments.get(id);
        if (d == null) {
            throw StandInError.clientError(
                    "DeploymentDoesNotExistException", "The deployment " + id + " could not be found.");
        }
        return d;
    }

    List<StandInDeployment> deployments(StandInService service) {
        return deployments.values().stream()
                .filter(d -> d.service.equals(service))
                .toList();
    }

    StandInDeployment create(StandInService service, String config, String description, String appSpec) {
        deployments(service).stream().filter(d -> !d.isFinished()).findFirst().ifPresent(active -> {
            throw StandInError.clientError(
                    "DeploymentLimitExceededException",
                    "The deployment group " + service.deploymentGroup() + " has an active deployment: " + active.id);
        });
        StandInDeployment d =
                new StandInDeployment(nextId(), service, config, description, appSpec, clock.instant(), null);
        deployments.put(d.id, d);
        greenPercent.put(service.name(), 0);
        return d;
    }

    /** StopDeployment: stops an unfinished deployment and, if asked, starts its rollback. */
    void stop(StandInDeployment d, boolean autoRollback) {
        boolean applies = !d.isFinished();
        stops.add(new StopArrival(d.service.name(), d.id, clock.instant(), applies));
        if (!applies) {
            throw StandInError.clientError(
                    "DeploymentAlreadyCompletedException", "The deployment " + d.id + " has already completed.");
        }
        d.end("Stopped", "MANUAL_STOP", "The deployment was stopped by a request", clock.instant());
        if (autoRollback) {
            startRollback(d, "Rolled back because the deployment was stopped by a request");
        }
    }

    private StandInDeployment startRollback(StandInDeployment release, String message) {
        StandInDeployment rollback = new StandInDeployment(
                nextId(),
                release.service,
                release.deploymentConfig,
                "Rollback of " + release.id,
                release.appSpecContent,
                clock.instant(),
                release.id);
        deployments.put(rollback.id, rollback);
        release.rollbackId = rollback.id;
        release.rollbackMessage = message;
        return rollback;
    }

    private StandInDeployment release(String service) {
        return deployments.values().stream()
                .filter(d -> d.service.name().equals(service) && !d.isRollback())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no release of " + service + " in the stand-in"));
    }

    private String nextId() {
        return "d-" + String.format("%09d", ++ids);
    }
}

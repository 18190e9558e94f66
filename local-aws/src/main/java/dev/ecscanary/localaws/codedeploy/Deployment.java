package dev.ecscanary.localaws.codedeploy;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One CodeDeploy deployment of the ECS deployment group: its status, error, rollback links and its one target. */
public final class Deployment {

    /** The deployment status values that end a deployment. */
    public static final List<String> FINAL = List.of("Succeeded", "Failed", "Stopped");

    private final String id;
    private final DeploymentGroup group;
    private final TrafficRouting routing;
    private final JsonNode revision;
    private final JsonNode previousRevision;
    private final String description;
    private final String creator;
    private final List<String> rollbackEvents;
    private final boolean rollbackEnabled;
    private final Instant createTime = Instant.now();
    private final EcsDeploymentTarget target;
    private volatile String status = "Created";
    private volatile Instant startTime;
    private volatile Instant completeTime;
    private volatile String errorCode;
    private volatile String errorMessage;
    private volatile String rollbackDeploymentId;
    private volatile String rollbackTriggeringDeploymentId;
    private volatile String rollbackMessage;
    private volatile Instant terminationWaitStarted;
    private volatile StopRequest stopRequest;
    private volatile boolean skipTerminationWait;
    private volatile Instant readyWaitStarted;
    private volatile boolean continuedFromReady;
    private final java.util.concurrent.atomic.AtomicInteger trafficSteps =
            new java.util.concurrent.atomic.AtomicInteger();

    Deployment(
            String id,
            DeploymentGroup group,
            TrafficRouting routing,
            JsonNode revision,
            JsonNode previousRevision,
            String description,
            String creator,
            boolean rollbackEnabled,
            List<String> rollbackEvents,
            List<String> lifecycle) {
        this.id = id;
        this.group = group;
        this.routing = routing;
        this.revision = revision;
        this.previousRevision = previousRevision;
        this.description = description;
        this.creator = creator;
        this.rollbackEnabled = rollbackEnabled;
        this.rollbackEvents = List.copyOf(rollbackEvents);
        this.target = new EcsDeploymentTarget(lifecycle);
    }

    public String id() {
        return id;
    }

    public DeploymentGroup group() {
        return group;
    }

    public TrafficRouting routing() {
        return routing;
    }

    public JsonNode revision() {
        return revision;
    }

    public JsonNode previousRevision() {
        return previousRevision;
    }

    public String description() {
        return description;
    }

    public String creator() {
        return creator;
    }

    public boolean rollbackEnabled() {
        return rollbackEnabled;
    }

    public List<String> rollbackEvents() {
        return rollbackEvents;
    }

    public Instant createTime() {
        return createTime;
    }

    public EcsDeploymentTarget target() {
        return target;
    }

    public String status() {
        return status;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant completeTime() {
        return completeTime;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String rollbackDeploymentId() {
        return rollbackDeploymentId;
    }

    public String rollbackTriggeringDeploymentId() {
        return rollbackTriggeringDeploymentId;
    }

    public String rollbackMessage() {
        return rollbackMessage;
    }

    public Instant terminationWaitStarted() {
        return terminationWaitStarted;
    }

    /** How many production traffic shifts this deployment has made (10 for a whole linear 10% release). */
    public int trafficSteps() {
        return trafficSteps.get();
    }

    void trafficStepTaken() {
        trafficSteps.incrementAndGet();
    }

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    /** Whether the group's auto-rollback configuration covers this event (DEPLOYMENT_FAILURE, ...). */
    boolean rollsBackOn(String event) {
        return rollbackEnabled && rollbackEvents.contains(event);
    }

    StopRequest stopRequest() {
        return stopRequest;
    }

    boolean skipTerminationWait() {
        return skipTerminationWait;
    }

    synchronized boolean requestStop(StopRequest request) {
        if (isFinal() || stopRequest != null) {
            return false;
        }
        stopRequest = request;
        return true;
    }

    void continueFromTerminationWait() {
        skipTerminationWait = true;
    }

    /** Since when the deployment has waited in READY_WAIT for ContinueDeployment, or null. */
    public Instant readyWaitStarted() {
        return readyWaitStarted;
    }

    /** Whether the deployment is waiting in READY_WAIT right now. */
    public boolean isReady() {
        return "Ready".equals(status);
    }

    synchronized void waitForReady() {
        readyWaitStarted = Instant.now();
        status = "Ready";
    }

    synchronized boolean continuedFromReady() {
        return continuedFromReady;
    }

    /** ContinueDeployment(READY_WAIT): production traffic may start; false when it is not waiting. */
    synchronized boolean continueFromReady() {
        if (!isReady()) {
            return false;
        }
        continuedFromReady = true;
        status = "InProgress";
        return true;
    }

    void start() {
        startTime = Instant.now();
        status = "InProgress";
    }

    void terminationWaitStarted(Instant at) {
        terminationWaitStarted = at;
    }

    synchronized void finish(String finalStatus, String code, String message) {
        errorCode = code;
        errorMessage = message;
        completeTime = Instant.now();
        status = finalStatus;
    }

    void rolledBackBy(String rollbackId, String message) {
        rollbackDeploymentId = rollbackId;
        rollbackMessage = message;
    }

    void rollbackOf(String triggeringId, String message) {
        rollbackTriggeringDeploymentId = triggeringId;
        rollbackMessage = message;
    }
}

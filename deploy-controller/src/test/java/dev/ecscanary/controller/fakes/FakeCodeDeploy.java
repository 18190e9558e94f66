package dev.ecscanary.controller.fakes;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.traffic.BlueGreenDeployer;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.CodeDeployStatus;
import dev.ecscanary.controller.traffic.ContinueOutcome;
import dev.ecscanary.controller.traffic.DeploymentGroup;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import dev.ecscanary.controller.traffic.LoadBalancerReader;
import dev.ecscanary.controller.traffic.NewDeployment;
import dev.ecscanary.controller.traffic.StopOutcome;
import dev.ecscanary.controller.traffic.TargetAddress;
import dev.ecscanary.controller.traffic.TaskSetInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written CodeDeploy and ALB for one ECS blue/green deployment group. Tests move traffic and end deployments
 * themselves; the fake answers as CodeDeploy and the listener would, and counts every StopDeployment call.
 */
public class FakeCodeDeploy implements BlueGreenDeployer, LoadBalancerReader {

    public static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-central-1:000000000000:listener/app/ecs-canary/1/prod";
    public static final String BLUE_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:000000000000:targetgroup/demo-app-blue/1";
    public static final String GREEN_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:000000000000:targetgroup/demo-app-green/2";

    private final Map<String, FakeDeployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stopCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();
    private final List<NewDeployment> created = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile boolean groupExists = true;
    private volatile boolean blueGreen = true;
    private volatile int greenWeight;
    private volatile boolean loseNextStopAnswer;
    private volatile boolean loseNextCreateAnswer;
    private volatile boolean loseNextContinueAnswer;
    private volatile boolean nextContinueNotReady;
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private volatile int readyWaitMinutes;
    private volatile boolean listenerForwardsNothing;
    private volatile List<TargetAddress> greenTargets = List.of(new TargetAddress("127.0.0.1", 3000));

    /** A deployment as this fake's CodeDeploy holds it. */
    public static final class FakeDeployment {
        volatile CodeDeployStatus status = CodeDeployStatus.IN_PROGRESS;
        volatile String errorCode;
        public volatile String rollbackId;
        volatile String rollbackOf;
        volatile Instant completeTime;
        volatile String description;
        final String id;
        final Instant createTime;

        FakeDeployment(String id, Instant createTime) {
            this.id = id;
            this.createTime = createTime;
        }
    }

    // --- test controls ---------------------------------------------------------------------------------------

    /** Back to one existing blue/green group with no deployments. */
    public synchronized void reset() {
        deployments.clear();
        stopCalls.clear();
        unavailable.clear();
        created.clear();
        calls.clear();
        groupExists = true;
        blueGreen = true;
        greenWeight = 0;
        loseNextStopAnswer = false;
        loseNextCreateAnswer = false;
        loseNextContinueAnswer = false;
        nextContinueNotReady = false;
        readyWaitMinutes = 0;
        listenerForwardsNothing = false;
        greenTargets = List.of(new TargetAddress("127.0.0.1", 3000));
    }

    /** The group's deployment ready option: above 0 a deployment waits in READY_WAIT (see {@link #becomeReady}). */
    public void readyWait(int minutes) {
        readyWaitMinutes = minutes;
    }

    /** The replacement is installed and on the test listener: CodeDeploy waits for ContinueDeployment. */
    public void becomeReady(String id) {
        deployments.get(id).status = CodeDeployStatus.READY;
    }

    /** The next ContinueDeployment is carried out by CodeDeploy, but its answer never reaches the caller. */
    public void loseNextContinueAnswer() {
        loseNextContinueAnswer = true;
    }

    /** The next ContinueDeployment is refused as not ready although the deployment waits (a read behind a write). */
    public void nextContinueNotReady() {
        nextContinueNotReady = true;
    }

    /** The deployment ready option's wait ran out: CodeDeploy stops the deployment itself, with no rollback. */
    public void readyWaitRunsOut(String id) {
        end(id, CodeDeployStatus.STOPPED, "TIMEOUT");
    }

    /** What DescribeTargetHealth reports healthy in the green target group. */
    public void greenTargets(List<TargetAddress> targets) {
        greenTargets = List.copyOf(targets);
    }

    /** The clock CodeDeploy's timestamps come from (the test's, so that pages show one consistent time). */
    public void clock(java.time.Clock clock) {
        this.clock = clock;
    }

    public void groupMissing() {
        groupExists = false;
    }

    public void notBlueGreen() {
        blueGreen = false;
    }

    /** The production listener's default rule forwards nowhere readable: no weights to confirm CodeDeploy's word. */
    public void listenerForwardsNothing() {
        listenerForwardsNothing = true;
    }

    /** Moves production traffic: this percent on green. */
    public void shiftTo(int percent) {
        greenWeight = percent;
    }

    public void succeed(String id) {
        greenWeight = 100;
        end(id, CodeDeployStatus.SUCCEEDED, null);
    }

    /** CodeDeploy's own alarm monitoring stops the deployment and starts a rollback. */
    public String stopByOwnAlarm(String id) {
        end(id, CodeDeployStatus.STOPPED, "ALARM_ACTIVE");
        return startRollback(id);
    }

    public void completeRollback(String rollbackId) {
        greenWeight = 0;
        end(rollbackId, CodeDeployStatus.SUCCEEDED, null);
    }

    public void failRollback(String rollbackId) {
        end(rollbackId, CodeDeployStatus.FAILED, "HEALTH_CONSTRAINTS");
    }

    /** The next {@code times} calls of {@code operation} fail as AWS being unreachable. */
    public void unavailable(String operation, int times) {
        unavailable.computeIfAbsent(operation, k -> new AtomicInteger()).set(times);
    }

    /** The next StopDeployment is carried out by CodeDeploy, but its answer never reaches the caller. */
    public void loseNextStopAnswer() {
        loseNextStopAnswer = true;
    }

    /** The next CreateDeployment creates the deployment, but its answer never reaches the caller. */
    public void loseNextCreateAnswer() {
        loseNextCreateAnswer = true;
    }

    public int stopCalls(String id) {
        return stopCalls.getOrDefault(id, new AtomicInteger()).get();
    }

    public synchronized List<NewDeployment> created() {
        return List.copyOf(created);
    }

    public String lastDeploymentId() {
        return "d-" + ids.get();
    }

    public FakeDeployment deployment(String id) {
        return deployments.get(id);
    }

    // --- BlueGreenDeployer -----------------------------------------------------------------------------------

    @Override
    public Optional<DeploymentGroup> describeGroup(String application, String deploymentGroup) {
        maybeFail("GetDeploymentGroup");
        if (!groupExists) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentGroup(
                application,
                deploymentGroup,
                "ECS",
                blueGreen,
                List.of("ecs-canary:demo-app"),
                List.of(LISTENER),
                List.of(),
                List.of("demo-app-blue", "demo-app-green"),
                false,
                List.of(),
                Set.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"),
                readyWaitMinutes));
    }

    @Override
    public synchronized String createDeployment(NewDeployment request) {
        maybeFail("CreateDeployment");
        if (deployments.values().stream().anyMatch(d -> !d.status.isFinished())) {
            throw new AwsRequestRejectedException(
                    "codedeploy",
                    "CreateDeployment",
                    "DeploymentLimitExceededException",
                    "an active deployment exists",
                    null);
        }
        created.add(request);
        String id = "d-" + ids.incrementAndGet();
        FakeDeployment created = new FakeDeployment(id, clock.instant());
        created.description = request.description();
        deployments.put(id, created);
        greenWeight = 0;
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            throw new AwsUnavailableException("codedeploy", "CreateDeployment", "read timed out", null);
        }
        return id;
    }

    @Override
    public Optional<String> findDeployment(
            String application, String deploymentGroup, String marker, Instant createdAfter) {
        maybeFail("ListDeployments");
        return deployments.values().stream()
                .filter(d -> d.description != null && d.description.contains(marker))
                .map(d -> d.id)
                .findFirst();
    }

    @Override
    public CodeDeploySnapshot describeDeployment(String deploymentId) {
        maybeFail("GetDeployment");
        FakeDeployment d = deployments.get(deploymentId);
        if (d == null) {
            throw new AwsRequestRejectedException(
                    "codedeploy", "GetDeployment", "DeploymentDoesNotExistException", deploymentId, null);
        }
        return header(d);
    }

    private static CodeDeploySnapshot header(FakeDeployment d) {
        return new CodeDeploySnapshot(
                d.id,
                d.status,
                d.errorCode,
                d.errorCode == null ? null : "stopped",
                d.rollbackId,
                d.rollbackOf,
                null,
                d.rollbackOf == null ? "user" : "codeDeployRollback",
                Instant.EPOCH,
                d.completeTime,
                List.of(),
                List.of());
    }

    private List<TaskSetInfo> taskSets() {
        return List.of(
                new TaskSetInfo("ts-blue", "Blue", "demo-app-blue", 100 - greenWeight, 2, 2, "PRIMARY"),
                new TaskSetInfo("ts-green", "Green", "demo-app-green", greenWeight, 2, 2, "ACTIVE"));
    }

    @Override
    public Map<String, CodeDeploySnapshot> describeDeployments(List<String> deploymentIds) {
        maybeFail("BatchGetDeployments");
        Map<String, CodeDeploySnapshot> found = new java.util.HashMap<>();
        for (String id : deploymentIds) {
            FakeDeployment d = deployments.get(id);
            if (d != null) {
                found.put(id, header(d));
            }
        }
        return found;
    }

    @Override
    public CodeDeploySnapshot withTarget(CodeDeploySnapshot deployment, String ecsTargetId) {
        maybeFail("BatchGetDeploymentTargets");
        FakeDeployment d = deployments.get(deployment.deploymentId());
        return deployment.withTarget(lifecycle(d), taskSets());
    }

    /** Calls of one operation since the last reset, failed ones included. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public ContinueOutcome continueToProduction(String deploymentId) {
        maybeFail("ContinueDeployment");
        FakeDeployment d = deployments.get(deploymentId);
        if (d.status.isFinished()) {
            return ContinueOutcome.ALREADY_COMPLETED;
        }
        if (d.status != CodeDeployStatus.READY || nextContinueNotReady) {
            nextContinueNotReady = false;
            return ContinueOutcome.NOT_READY;
        }
        d.status = CodeDeployStatus.IN_PROGRESS;
        if (loseNextContinueAnswer) {
            loseNextContinueAnswer = false;
            throw new AwsUnavailableException("codedeploy", "ContinueDeployment", "read timed out", null);
        }
        return ContinueOutcome.CONTINUED;
    }

    @Override
    public StopOutcome stopAndRollBack(String deploymentId) {
        stopCalls.computeIfAbsent(deploymentId, k -> new AtomicInteger()).incrementAndGet();
        maybeFail("StopDeployment");
        FakeDeployment d = deployments.get(deploymentId);
        if (d.status.isFinished()) {
            return new StopOutcome(true, null, "Deployment is already completed");
        }
        end(deploymentId, CodeDeployStatus.STOPPED, "MANUAL_STOP");
        startRollback(deploymentId);
        if (loseNextStopAnswer) {
            loseNextStopAnswer = false;
            throw new AwsUnavailableException("codedeploy", "StopDeployment", "read timed out", null);
        }
        return new StopOutcome(false, "Pending", "Stop pending");
    }

    private static final List<String> HOOKS = List.of(
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "BeforeAllowTestTraffic",
            "AllowTestTraffic",
            "AfterAllowTestTraffic",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic");

    /** The ECS target's lifecycle as CodeDeploy shows it: installed, then AllowTraffic while traffic shifts. */
    private List<LifecycleEvent> lifecycle(FakeDeployment d) {
        int allowTraffic = HOOKS.indexOf("AllowTraffic");
        List<LifecycleEvent> events = new ArrayList<>();
        for (int i = 0; i < HOOKS.size(); i++) {
            String status = i < allowTraffic
                    ? "Succeeded"
                    : switch (d.status) {
                        case SUCCEEDED -> "Succeeded";
                        case STOPPED, FAILED -> i == allowTraffic ? "Failed" : "Skipped";
                        default -> i == allowTraffic ? "InProgress" : "Pending";
                    };
            boolean started = !status.equals("Pending") && !status.equals("Skipped");
            boolean ended = started && !status.equals("InProgress");
            Instant start = d.createTime.plusSeconds(5L * i); // each install hook a few seconds after the previous
            events.add(new LifecycleEvent(
                    HOOKS.get(i),
                    status,
                    started ? start : null,
                    ended ? (i < allowTraffic ? start.plusSeconds(5) : d.completeTime) : null));
        }
        return events;
    }

    // --- LoadBalancerReader ----------------------------------------------------------------------------------

    @Override
    public Map<String, String> targetGroupArns(Collection<String> targetGroupNames) {
        maybeFail("DescribeTargetGroups");
        Map<String, String> arns = new LinkedHashMap<>();
        arns.put("demo-app-blue", BLUE_ARN);
        arns.put("demo-app-green", GREEN_ARN);
        arns.keySet().retainAll(targetGroupNames);
        return arns;
    }

    @Override
    public Map<String, Integer> forwardWeights(String listenerArn) {
        maybeFail("DescribeRules");
        if (listenerForwardsNothing) {
            return Map.of();
        }
        return Map.of(BLUE_ARN, 100 - greenWeight, GREEN_ARN, greenWeight);
    }

    @Override
    public List<TargetAddress> healthyTargets(String targetGroupArn) {
        maybeFail("DescribeTargetHealth");
        return targetGroupArn.equals(GREEN_ARN) ? greenTargets : List.of(new TargetAddress("127.0.0.2", 3000));
    }

    private String startRollback(String id) {
        String rollbackId = "d-" + ids.incrementAndGet();
        FakeDeployment rollback = new FakeDeployment(rollbackId, clock.instant());
        rollback.rollbackOf = id;
        deployments.put(rollbackId, rollback);
        deployments.get(id).rollbackId = rollbackId;
        return rollbackId;
    }

    private void end(String id, CodeDeployStatus status, String errorCode) {
        FakeDeployment d = deployments.get(id);
        d.status = status;
        d.errorCode = errorCode;
        d.completeTime = clock.instant();
    }

    private void maybeFail(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = unavailable.get(operation);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new AwsUnavailableException("codedeploy", operation, "ThrottlingException: Rate exceeded", null);
        }
    }
}

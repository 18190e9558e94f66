package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.PreTraffic;
import dev.ecscanary.controller.pretraffic.PreTrafficChecks;
import dev.ecscanary.controller.pretraffic.SmokePlan;
import dev.ecscanary.controller.pretraffic.SmokeReport;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.LoadBalancerReader;
import dev.ecscanary.controller.traffic.ServiceTopology.Topology;
import dev.ecscanary.controller.traffic.TargetAddress;
import dev.ecscanary.controller.traffic.TaskSetInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The pre-traffic gate: while CodeDeploy waits in READY_WAIT with the replacement on the test route and no production
 * traffic on it, runs the service's checks against the replacement's own targets, records what they found, then lets
 * traffic in (ContinueDeployment) or stops the release with rollback before any user reaches it.
 */
@Component
class PreTrafficGate {

    private final PreTrafficChecks checks;
    private final PreTrafficRuns runs;
    private final LoadBalancerReader loadBalancer;
    private final ContinueCaller continueCaller;
    private final StopCaller stopCaller;
    private final Clock clock;

    PreTrafficGate(
            PreTrafficChecks checks,
            PreTrafficRuns runs,
            LoadBalancerReader loadBalancer,
            ContinueCaller continueCaller,
            StopCaller stopCaller,
            Clock clock) {
        this.checks = checks;
        this.runs = runs;
        this.loadBalancer = loadBalancer;
        this.continueCaller = continueCaller;
        this.stopCaller = stopCaller;
        this.clock = clock;
    }

    /** One tick of a release whose CodeDeploy deployment waits in READY_WAIT. */
    void atReady(Deployment d, ReleasableService service, CodeDeploySnapshot snapshot, Topology where) {
        PreTraffic phase = d.preTraffic();
        if (d.status() != DeploymentStatus.IN_PROGRESS) {
            runs.discard(d.id()); // stopped this tick (an alarm fired): the check has nothing left to decide
        } else if (phase == null) {
            start(d, service, snapshot, where, false);
        } else if (phase.verdict() == PreTraffic.Verdict.RUNNING) {
            Optional<SmokeReport> report = runs.take(d.id());
            if (report.isPresent()) {
                decide(d, report.get());
            } else if (!runs.running(d.id())) {
                start(d, service, snapshot, where, true); // this controller restarted while the check ran
            }
        } else if (phase.verdict().letsTrafficIn()) {
            continueCaller.settle(d, snapshot.status());
        }
    }

    /**
     * One tick of a release whose CodeDeploy deployment is not (or no longer) in READY_WAIT: confirms a
     * ContinueDeployment whose answer was lost, and closes a check that CodeDeploy overtook (its wait ran out, or
     * someone continued the deployment by hand).
     */
    void movedOn(Deployment d, CodeDeploySnapshot snapshot) {
        runs.discard(d.id());
        PreTraffic phase = d.preTraffic();
        if (phase == null) {
            return;
        }
        if (phase.verdict() == PreTraffic.Verdict.RUNNING) {
            d.preTrafficCutShort(
                    "CodeDeploy " + (snapshot.status().isFinished() ? "ended" : "moved on with") + " the deployment ("
                            + snapshot.status() + (snapshot.errorCode() == null ? "" : ", " + snapshot.errorCode())
                            + ") before the pre-traffic check finished",
                    clock.instant());
        } else if (phase.verdict().letsTrafficIn()) {
            continueCaller.settle(d, snapshot.status());
        }
    }

    private void start(
            Deployment d, ReleasableService service, CodeDeploySnapshot snapshot, Topology where, boolean again) {
        Instant now = clock.instant();
        Optional<SmokePlan> plan = checks.of(service.name());
        if (plan.isEmpty()) {
            d.preTrafficNotNeeded(
                    "No pre-traffic check is configured for " + service.name() + ": production traffic may come in",
                    now);
            continueCaller.letTrafficIn(d);
            return;
        }
        String targetGroup =
                snapshot.replacement().map(TaskSetInfo::targetGroupName).orElse(null);
        String image = d.request().image().value();
        if (again) {
            d.record(
                    now,
                    EventType.PRE_TRAFFIC_STARTED,
                    "The pre-traffic check of " + image + " starts again: the controller restarted while it ran");
        } else {
            d.preTrafficStarted(
                    "Checking " + image + " on its own targets" + (targetGroup == null ? "" : " in " + targetGroup)
                            + " before any user traffic: " + plan.get().rounds() + " rounds of "
                            + plan.get().requests().size() + " requests",
                    now);
        }
        runs.start(d.id(), plan.get(), targetsOf(targetGroup, where), builtins(d, service));
    }

    /** The replacement's healthy targets, as the load balancer reaches them; never the original's. */
    private Supplier<List<TargetAddress>> targetsOf(String targetGroup, Topology where) {
        String arn = where == null || targetGroup == null
                ? null
                : where.targetGroupArns().get(targetGroup);
        if (arn == null) {
            return () -> {
                throw new IllegalStateException("the replacement's target group "
                        + (targetGroup == null ? "is not known yet" : targetGroup + " was not found"));
            };
        }
        return () -> loadBalancer.healthyTargets(arn);
    }

    private static Map<String, String> builtins(Deployment d, ReleasableService service) {
        return Map.of(
                "tag", d.request().image().version(),
                "image", d.request().image().value(),
                "service", service.name());
    }

    private void decide(Deployment d, SmokeReport report) {
        Instant now = clock.instant();
        List<PreTraffic.Check> results = report.requests().stream()
                .map(r -> new PreTraffic.Check(
                        r.label(),
                        r.count(),
                        r.failures(),
                        r.skipped(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.firstFailure()))
                .toList();
        d.preTrafficChecked(report.passed(), report.targets(), results, report.reason(), now);
        if (report.passed()) {
            continueCaller.letTrafficIn(d);
        } else {
            stopCaller.stop(d, "Stopped before any user traffic: " + report.reason(), null);
        }
    }
}

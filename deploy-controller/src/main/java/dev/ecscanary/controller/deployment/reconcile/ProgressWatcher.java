package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.analysis.HealthGate;
import dev.ecscanary.controller.analysis.Verdict;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.CodeDeployStatus;
import dev.ecscanary.controller.traffic.ServiceTopology;
import dev.ecscanary.controller.traffic.ServiceTopology.Topology;
import dev.ecscanary.controller.traffic.TaskSetInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Watches an IN_PROGRESS release: follows CodeDeploy's status and the traffic read back from the load balancer,
 * hands READY_WAIT to the {@link PreTrafficGate}, records each traffic step as a phase with the alarm states seen in
 * it, and stops the release when an alarm fires (or when the alarms stay inconclusive past the grace, under the
 * ROLL_BACK policy).
 */
@Component
class ProgressWatcher {

    private final ServiceTopology topology;
    private final StopCaller stopCaller;
    private final PreTrafficGate gate;
    private final AnalysisProperties analysis;
    private final Clock clock;

    ProgressWatcher(
            ServiceTopology topology,
            StopCaller stopCaller,
            PreTrafficGate gate,
            AnalysisProperties analysis,
            Clock clock) {
        this.topology = topology;
        this.stopCaller = stopCaller;
        this.gate = gate;
        this.analysis = analysis;
        this.clock = clock;
    }

    /**
     * @param alarms this tick's readings of all watched alarms, which may say that CloudWatch could not be read
     * @param reads  this tick's reads of CodeDeploy deployments
     */
    void watch(Deployment d, ReleasableService service, AlarmReadings alarms, CodeDeployReads reads) {
        CodeDeploySnapshot snapshot = reads.withTarget(d.codeDeployDeploymentId(), service.ecsTargetId());
        Topology where = topology.of(service).orElse(null);
        trackTraffic(d, snapshot, where);
        d.lifecycleEventsSeen(snapshot.lifecycleEvents());
        if (alarms.readable()) {
            d.alarmsObserved(alarms.watched(service.config().alarms()));
        }
        if (snapshot.status() == CodeDeployStatus.READY) {
            judge(d, service, alarms); // a firing alarm stops the release before the check has its say
            gate.atReady(d, service, snapshot, where);
            return;
        }
        gate.movedOn(d, snapshot);
        switch (snapshot.status()) {
            case SUCCEEDED -> finishIfVerified(d, where);
            case STOPPED, FAILED -> codeDeployEndedIt(d, snapshot);
            default -> judge(d, service, alarms);
        }
    }

    private void trackTraffic(Deployment d, CodeDeploySnapshot snapshot, Topology where) {
        Optional<TaskSetInfo> green = snapshot.replacement();
        if (green.isEmpty()) {
            return;
        }
        d.targetGroupsSeen(
                snapshot.original().map(TaskSetInfo::targetGroupName).orElse(null),
                green.get().targetGroupName());
        int percent =
                readBack(where, green.get()).orElse((int) Math.round(green.get().trafficWeight()));
        Instant now = clock.instant();
        if (d.currentPhase().map(p -> p.trafficPercent() != percent).orElse(true)) {
            d.enterPhase(percent, now);
        }
        d.trafficObserved(percent, now);
    }

    /** The replacement's share of production traffic as the load balancer has it; CodeDeploy's own figure is the fallback. */
    private Optional<Integer> readBack(Topology where, TaskSetInfo green) {
        return where == null ? Optional.empty() : topology.percentOn(where, green.targetGroupName());
    }

    private void judge(Deployment d, ReleasableService service, AlarmReadings alarms) {
        Verdict verdict = HealthGate.judge(service.config().alarms(), alarms);
        Instant now = clock.instant();
        if (verdict.isFail()) {
            stopCaller.stop(d, rollbackSentence(d, verdict), verdict.firstChangedAt());
        } else if (verdict.isInconclusive()) {
            InconclusivePolicy policy = policyOf(d);
            Instant since = d.inconclusiveSince() == null ? now : d.inconclusiveSince();
            if (d.inconclusiveSince() == null) {
                d.record(
                        now,
                        EventType.INCONCLUSIVE,
                        verdict.explanation() + "; policy " + policy + " after " + analysis.inconclusiveGrace());
            }
            d.inconclusive(since);
            Duration lasted = Duration.between(since, now);
            if (policy == InconclusivePolicy.ROLL_BACK && lasted.compareTo(analysis.inconclusiveGrace()) >= 0) {
                stopCaller.stop(
                        d,
                        "Rolled back under policy ROLL_BACK: " + verdict.explanation() + " for "
                                + lasted.toSeconds() + "s (grace "
                                + analysis.inconclusiveGrace().toSeconds() + "s), at "
                                + d.trafficPercent() + "% traffic",
                        null);
            }
        } else if (d.inconclusiveSince() != null) {
            d.inconclusive(null);
            d.record(now, EventType.CONCLUSIVE, "All watched alarms OK again");
        }
    }

    /** The policy the release was accepted under; today's for a release accepted before policies were recorded. */
    private InconclusivePolicy policyOf(Deployment d) {
        return d.inconclusivePolicy() != null ? d.inconclusivePolicy() : analysis.inconclusivePolicy();
    }

    /** Which alarm, in which step, at what traffic, with what CloudWatch said: a sentence a person can check. */
    static String rollbackSentence(Deployment d, Verdict verdict) {
        int step = d.currentPhase().map(Phase::index).orElse(0);
        return "Rolled back: " + verdict.explanation() + ", during phase " + step + " at " + d.trafficPercent()
                + "% traffic on " + d.request().image().value();
    }

    private void finishIfVerified(Deployment d, Topology where) {
        Optional<Integer> onReplacement =
                where == null ? Optional.empty() : topology.percentOn(where, d.replacementTargetGroup());
        if (onReplacement.isPresent() && onReplacement.get() < 100) {
            return; // CodeDeploy says done, the load balancer does not agree yet: look again next tick
        }
        Instant now = clock.instant();
        String image = d.request().image().value();
        if (onReplacement.isEmpty()) {
            d.record(
                    now,
                    EventType.UNVERIFIED,
                    "CodeDeploy reports all traffic on " + image
                            + "; the production listener's weights could not be read to confirm it");
        }
        d.trafficObserved(100, now);
        d.endCurrentPhase(now, PhaseOutcome.SUCCEEDED);
        d.finish(
                DeploymentStatus.SUCCEEDED,
                "All traffic on " + image
                        + (onReplacement.isPresent()
                                ? " (verified on the load balancer)"
                                : " according to CodeDeploy (not confirmed on the load balancer: its listener could"
                                        + " not be read)"),
                now);
    }

    private void codeDeployEndedIt(Deployment d, CodeDeploySnapshot snapshot) {
        Instant now = clock.instant();
        String what = "CodeDeploy " + (snapshot.status() == CodeDeployStatus.STOPPED ? "stopped" : "failed")
                + " the deployment itself"
                + (snapshot.errorCode() == null
                        ? ""
                        : " (" + snapshot.errorCode() + ": " + snapshot.errorMessage() + ")");
        d.endCurrentPhase(now, PhaseOutcome.ROLLED_BACK);
        d.rollingBack(what, now);
        d.rollbackDeploymentSeen(snapshot.rollbackDeploymentId(), now);
    }
}

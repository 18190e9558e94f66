package dev.ecscanary.controller.deployment.reconcile;

import dev.ecscanary.controller.analysis.AlarmReadings;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.config.ReconcilerProperties;
import dev.ecscanary.controller.config.ServiceProperties;
import dev.ecscanary.controller.config.ServicesProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.fakes.RecordingSaver;
import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties;
import dev.ecscanary.controller.pretraffic.PreTrafficChecks;
import dev.ecscanary.controller.pretraffic.SmokeCheckRunner;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.traffic.NewDeployment;
import dev.ecscanary.controller.traffic.ServiceTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reconciler's steps on the hand-written fakes alone: no Spring context, no database. One release of demo-app,
 * watched by one alarm, with a CodeDeploy deployment created in the fake.
 */
final class StepRig {

    static final String ALARM = "demo-app-success-rate";
    static final String REPOSITORY = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app";
    static final Duration GRACE = Duration.ofMinutes(2);
    static final Duration STOP_CONFIRM_WAIT = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock();
    final FakeCodeDeploy codeDeploy = new FakeCodeDeploy();
    final FakeCloudWatch cloudWatch = new FakeCloudWatch();
    final RecordingSaver saver = new RecordingSaver();
    final ServiceTopology topology = new ServiceTopology(codeDeploy, codeDeploy);
    final StopCaller stopCaller = new StopCaller(codeDeploy, saver, clock, new SimpleMeterRegistry());
    final ReleasableService service = new ReleasableService("demo-app", serviceProperties(null), null, null);
    /** The checks' runs, which look for healthy targets once and no longer (the fake answers at once). */
    final PreTrafficRuns runs = new PreTrafficRuns(new SmokeCheckRunner(clock), clock, Duration.ZERO);

    final ContinueCaller continueCaller = new ContinueCaller(codeDeploy, saver, clock);
    /** The service's pre-traffic check, or null for none: set before {@link #progressWatcher}. */
    PreTrafficCheckProperties preTrafficCheck;

    private static ServiceProperties serviceProperties(PreTrafficCheckProperties check) {
        return new ServiceProperties(
                "ecs-canary",
                "demo-app",
                "ecs-canary",
                "demo-app",
                "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                "app",
                8080,
                "classpath:taskdef.json.tpl",
                "classpath:appspec.yaml",
                List.of(ALARM),
                List.of(),
                List.of(REPOSITORY),
                null,
                check,
                null);
    }

    StepRig() {
        codeDeploy.clock(clock);
        cloudWatch.set(ALARM, AlarmState.OK, clock.instant());
    }

    ProgressWatcher progressWatcher(InconclusivePolicy policy) {
        return progressWatcher(policy, runs);
    }

    /** A watcher whose pre-traffic checks run on {@code runs}: a second one stands for a restarted controller. */
    ProgressWatcher progressWatcher(InconclusivePolicy policy, PreTrafficRuns runs) {
        PreTrafficChecks checks = new PreTrafficChecks(
                new ServicesProperties(Map.of(service.name(), serviceProperties(preTrafficCheck))));
        PreTrafficGate gate = new PreTrafficGate(checks, runs, codeDeploy, continueCaller, stopCaller, clock);
        return new ProgressWatcher(topology, stopCaller, gate, new AnalysisProperties(policy, GRACE), clock);
    }

    RollbackFollower rollbackFollower() {
        ReconcilerProperties properties =
                new ReconcilerProperties(Duration.ofSeconds(5), 4, STOP_CONFIRM_WAIT, Duration.ofMinutes(10));
        return new RollbackFollower(topology, stopCaller, properties, clock);
    }

    /** A release of 2.0.0 that CodeDeploy has started: IN_PROGRESS, its replacement installed at 0% traffic. */
    Deployment inProgress() {
        return inProgress(InconclusivePolicy.ROLL_BACK);
    }

    /** The same, accepted under {@code policy}. */
    Deployment inProgress(InconclusivePolicy policy) {
        Deployment d = Deployment.accept(
                new ReleaseRequest(
                        "demo-app", ImageReference.parse(REPOSITORY + ":2.0.0"), null, null, null, null, "ci"),
                policy,
                clock.instant());
        String id = codeDeploy.createDeployment(new NewDeployment(
                "ecs-canary", "demo-app", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "{}", "sha", "test"));
        d.codeDeployStarted(id, clock.instant());
        saver.save(d);
        return d;
    }

    /** What CloudWatch says of the watched alarm now. */
    AlarmReadings alarms() {
        return AlarmReadings.of(cloudWatch.read(List.of(ALARM)));
    }

    CodeDeployReads reads() {
        return CodeDeployReads.none(codeDeploy);
    }

    void minute() {
        clock.advance(Duration.ofMinutes(1));
    }
}

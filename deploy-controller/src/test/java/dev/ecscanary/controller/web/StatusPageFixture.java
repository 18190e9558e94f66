package dev.ecscanary.controller.web;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.fakes.FakeCloudWatch;
import dev.ecscanary.controller.fakes.FakeCodeDeploy;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.revision.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/**
 * Drives releases through the fakes the way CodeDeploy and CloudWatch would, minute by minute, and keeps a
 * success-rate series that matches: ~99.9% while healthy, falling below 99.5% once the new version hurts users.
 */
@TestComponent
public class StatusPageFixture {

    public static final String ALARM = "demo-app-success-rate";
    public static final String REPOSITORY = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app";

    private final Releases releases;
    private final Reconciler reconciler;
    private final FakeCodeDeploy codeDeploy;
    private final FakeCloudWatch cloudWatch;
    private final MutableClock clock;
    private final FakeAws aws;
    private final List<AlarmSeries.Point> points = new ArrayList<>();
    private double rate = 99.93;

    public StatusPageFixture(
            Releases releases,
            Reconciler reconciler,
            FakeCodeDeploy codeDeploy,
            FakeCloudWatch cloudWatch,
            MutableClock clock,
            FakeAws aws) {
        this.releases = releases;
        this.reconciler = reconciler;
        this.codeDeploy = codeDeploy;
        this.cloudWatch = cloudWatch;
        this.clock = clock;
        this.aws = aws;
    }

    /** An empty world with the alarm OK and five minutes of healthy datapoints. */
    public void reset() {
        aws.reset(reconciler);
        codeDeploy.clock(clock);
        points.clear();
        rate = 99.93;
        cloudWatch.set(
                ALARM,
                AlarmState.OK,
                "Threshold Crossed: no datapoints were received for 2 periods and 2 missing"
                        + " datapoints were treated as [NonBreaching].",
                clock.instant().minus(Duration.ofHours(3)));
        for (int m = 5; m >= 1; m--) {
            points.add(new AlarmSeries.Point(clock.instant().minus(Duration.ofMinutes(m)), 99.9 + (m % 3) * 0.03));
        }
        cloudWatch.datapoints(ALARM, points);
    }

    /** Accepts a release and takes it to IN_PROGRESS with the replacement installed (0% traffic). */
    public UUID start(String tag, String description) {
        return start(new ReleaseRequest(
                "demo-app",
                ImageReference.parse(REPOSITORY + ":" + tag),
                "production",
                description,
                "0123abcd4567",
                "https://github.com/acme/demo-app/actions/runs/4242",
                "ci (github actions)"));
    }

    /** A release whose description and run address are whatever a client sent. */
    public UUID startWith(String description, String runUrl) {
        return start(new ReleaseRequest(
                "demo-app", ImageReference.parse(REPOSITORY + ":2.0.0"), null, description, null, runUrl, "ci"));
    }

    private UUID start(ReleaseRequest request) {
        UUID id = releases.accept(request, null, null).deployment().id();
        follow(id);
        return id;
    }

    /** Takes a release accepted elsewhere (through the API) to IN_PROGRESS with the replacement installed, as start does. */
    public void follow(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((status(id) == DeploymentStatus.PENDING || reconciler.isBusy(id)) && System.nanoTime() < deadline) {
            tick();
            Thread.onSpinWait();
        }
        tick();
    }

    /** One CodeDeploy minute: traffic moves to {@code percent}, a datapoint arrives, the reconciler looks. */
    public void step(int percent) {
        codeDeploy.shiftTo(percent);
        minute();
    }

    /**
     * From now on the new version fails requests: two datapoints fall below the threshold, the alarm (2 of 2)
     * goes into ALARM, and the reconciler sees it 2.3 seconds later.
     */
    public void hurtUsers() {
        rate = 97.2;
        minute();
        clock.advance(Duration.ofMinutes(1));
        addPoint();
        AlarmSeries.Point a = points.get(points.size() - 2);
        AlarmSeries.Point b = points.getLast();
        cloudWatch.set(
                ALARM,
                AlarmState.ALARM,
                "Threshold Crossed: 2 out of the last 2 datapoints [" + b.value() + " ("
                        + b.timestamp() + "), " + a.value() + " (" + a.timestamp()
                        + ")] were less than the threshold (99.5)"
                        + " (minimum 2 datapoints for OK -> ALARM transition).",
                clock.instant().minusMillis(2300));
        tick();
    }

    public void succeed() {
        codeDeploy.succeed(codeDeploy.lastDeploymentId());
        minute();
    }

    public void finishRollback(UUID id) {
        rate = 99.92;
        clock.advance(Duration.ofSeconds(5));
        tick(); // the controller sees CodeDeploy's rollback deployment
        codeDeploy.completeRollback(find(id).rollbackDeploymentId());
        cloudWatch.set(
                ALARM,
                AlarmState.OK,
                "Threshold Crossed: 2 out of the last 2 datapoints were not less than the" + " threshold (99.5).",
                clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(36));
        tick();
    }

    public void minute() {
        clock.advance(Duration.ofMinutes(1));
        addPoint();
        tick();
    }

    private void addPoint() {
        double value = Math.round((rate + (points.size() % 3) * 0.02) * 100) / 100.0;
        points.add(new AlarmSeries.Point(clock.instant().minusSeconds(30), value));
        cloudWatch.datapoints(ALARM, points);
    }

    /** A reconciler tick, once no other thread (a new release's first look) holds a deployment. */
    private void tick() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (aws.anyDeploymentBusy(reconciler) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        reconciler.tick();
    }

    public Deployment find(UUID id) {
        return releases.find(id).orElseThrow();
    }

    public DeploymentStatus status(UUID id) {
        return find(id).status();
    }

    public Instant now() {
        return clock.instant();
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    public FakeCodeDeploy codeDeploy() {
        return codeDeploy;
    }

    public FakeCloudWatch cloudWatch() {
        return cloudWatch;
    }
}

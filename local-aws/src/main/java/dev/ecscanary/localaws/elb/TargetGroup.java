package dev.ecscanary.localaws.elb;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An ALB target group: its registered targets and a round-robin choice among the healthy ones. */
public final class TargetGroup {

    private final String name;
    private final String arn;
    private final int port;
    private final HealthCheckSettings healthCheck;
    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    public TargetGroup(String name, String arn, int port, HealthCheckSettings healthCheck) {
        this.name = name;
        this.arn = arn;
        this.port = port;
        this.healthCheck = healthCheck;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public int port() {
        return port;
    }

    public HealthCheckSettings healthCheck() {
        return healthCheck;
    }

    /** CloudWatch's TargetGroup dimension value: {@code targetgroup/<name>/<id>}. */
    public String dimension() {
        return arn.substring(arn.indexOf("targetgroup/"));
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }

    public void register(Target target) {
        targets.add(target);
    }

    public void deregister(Target target) {
        targets.remove(target);
    }

    /** Deregistration starts: the target gets no new requests while in-flight ones finish. */
    public void drain(Target target) {
        target.drain();
    }

    /**
     * The next target for a request: round robin over healthy targets; if none is healthy, the ALB fails open
     * to every registered, non-draining target; empty only when nothing is registered.
     */
    public Optional<Target> choose() {
        List<Target> healthy =
                targets.stream().filter(t -> t.state() == TargetState.HEALTHY).toList();
        List<Target> candidates = healthy.isEmpty()
                ? targets.stream()
                        .filter(t -> t.state() != TargetState.DRAINING)
                        .toList()
                : healthy;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size())));
    }

    public boolean allHealthy(int expected) {
        return targets.stream().filter(t -> t.state() == TargetState.HEALTHY).count() >= expected;
    }
}

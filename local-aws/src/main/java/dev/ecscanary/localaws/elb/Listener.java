package dev.ecscanary.localaws.elb;

import java.util.List;

/**
 * A listener with one default rule whose forward action spreads requests over target groups by weight.
 * CodeDeploy changes the weights; the proxy reads them for every request.
 */
public final class Listener {

    /** One target group of the forward action with its weight (0..999). */
    public record WeightedTargetGroup(TargetGroup targetGroup, int weight) {}

    /** One change of the forward weights, kept so that tests and the state page can see the order of shifts. */
    public record Change(java.time.Instant at, java.util.Map<String, Integer> weights) {}

    private static final int HISTORY = 500;

    private final java.util.Deque<Change> history = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final String arn;
    private final String ruleArn;
    private final int awsPort;
    private volatile int localPort;
    private volatile List<WeightedTargetGroup> forward;

    public Listener(String arn, String ruleArn, int awsPort, List<WeightedTargetGroup> forward) {
        this.arn = arn;
        this.ruleArn = ruleArn;
        this.awsPort = awsPort;
        this.forward = List.copyOf(forward);
    }

    public String arn() {
        return arn;
    }

    public String ruleArn() {
        return ruleArn;
    }

    /** The port this listener has in AWS (80 or 8080); DescribeListeners reports it. */
    public int awsPort() {
        return awsPort;
    }

    /** The loopback port the rehearsal's proxy listens on for it. */
    public int localPort() {
        return localPort;
    }

    void bindLocalPort(int port) {
        this.localPort = port;
    }

    public List<WeightedTargetGroup> forward() {
        return forward;
    }

    public void setForward(List<WeightedTargetGroup> weights) {
        List<WeightedTargetGroup> previous = forward;
        this.forward = List.copyOf(weights);
        if (!previous.equals(forward)) {
            java.util.Map<String, Integer> named = new java.util.TreeMap<>();
            forward.forEach(w -> named.put(w.targetGroup().name(), w.weight()));
            history.addLast(new Change(java.time.Instant.now(), java.util.Map.copyOf(named)));
            while (history.size() > HISTORY) {
                history.pollFirst();
            }
        }
    }

    /** The latest weight changes, oldest first. */
    public List<Change> history() {
        return List.copyOf(history);
    }

    /** The weight of the given target group in the forward action, 0 if absent. */
    public int weightOf(TargetGroup group) {
        return forward.stream()
                .filter(w -> w.targetGroup() == group)
                .mapToInt(WeightedTargetGroup::weight)
                .sum();
    }

    /** Picks a target group for one request; {@code dice} is uniform in [0, 1). */
    public TargetGroup pick(double dice) {
        List<WeightedTargetGroup> weights = forward;
        int total = weights.stream().mapToInt(WeightedTargetGroup::weight).sum();
        if (total == 0) {
            return weights.isEmpty() ? null : weights.getFirst().targetGroup();
        }
        double point = dice * total;
        for (WeightedTargetGroup w : weights) {
            point -= w.weight();
            if (point < 0) {
                return w.targetGroup();
            }
        }
        return weights.getLast().targetGroup();
    }
}

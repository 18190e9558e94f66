package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.elb.LoadBalancer;
import dev.ecscanary.localaws.elb.TargetGroup;

/** What CodeDeploy changes on the load balancer: the default rules' forward weights of both listeners. */
final class TrafficControl {

    private final LoadBalancer loadBalancer;

    TrafficControl(LoadBalancer loadBalancer) {
        this.loadBalancer = loadBalancer;
    }

    LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** Production listener: {@code replacementPercent} to the replacement group, the rest to the original. */
    void production(TargetGroup original, TargetGroup replacement, int replacementPercent) {
        loadBalancer
                .production()
                .setForward(LoadBalancer.weights(original, 100 - replacementPercent, replacement, replacementPercent));
    }

    /** Test listener: everything to {@code group}. */
    void test(TargetGroup group) {
        loadBalancer.test().setForward(LoadBalancer.weights(group, 100, loadBalancer.other(group), 0));
    }
}

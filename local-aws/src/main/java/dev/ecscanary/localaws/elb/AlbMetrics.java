package dev.ecscanary.localaws.elb;

import dev.ecscanary.localaws.cloudwatch.MetricKey;
import dev.ecscanary.localaws.cloudwatch.MetricStore;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes the proxy's counts as an ALB does, in namespace AWS/ApplicationELB: per load balancer
 * (dimension LoadBalancer) and per target group (dimensions LoadBalancer and TargetGroup).
 */
public final class AlbMetrics {

    public static final String NAMESPACE = "AWS/ApplicationELB";

    private final MetricStore store;
    private final LoadBalancer loadBalancer;

    public AlbMetrics(MetricStore store, LoadBalancer loadBalancer) {
        this.store = store;
        this.loadBalancer = loadBalancer;
    }

    /**
     * A request that a target answered with {@code status}, {@code seconds} after the load balancer sent it on
     * ({@code TargetResponseTime}: "the time elapsed, in seconds, after the request leaves the load balancer until a
     * response from the target is received", ALB User Guide, CloudWatch metrics; its percentiles can be asked).
     */
    public void targetResponse(Instant at, TargetGroup group, int status, double seconds) {
        String code = "HTTPCode_Target_" + (status / 100) + "XX_Count";
        for (Map<String, String> dimensions : dimensionSets(group)) {
            store.put(new MetricKey(NAMESPACE, "RequestCount", dimensions), at, 1);
            store.put(new MetricKey(NAMESPACE, code, dimensions), at, 1);
            store.putSample(new MetricKey(NAMESPACE, "TargetResponseTime", dimensions), at, seconds);
        }
    }

    /** A request that the load balancer itself answered with a 5xx (no target, or target unreachable). */
    public void elbError(Instant at, TargetGroup group) {
        Map<String, String> lb = Map.of("LoadBalancer", loadBalancer.dimension());
        store.put(new MetricKey(NAMESPACE, "RequestCount", lb), at, 1);
        store.put(new MetricKey(NAMESPACE, "HTTPCode_ELB_5XX_Count", lb), at, 1);
        if (group != null) {
            store.put(new MetricKey(NAMESPACE, "TargetConnectionErrorCount", perGroup(group)), at, 1);
        }
    }

    private Map<String, String>[] dimensionSets(TargetGroup group) {
        @SuppressWarnings("unchecked")
        Map<String, String>[] sets = new Map[] {Map.of("LoadBalancer", loadBalancer.dimension()), perGroup(group)};
        return sets;
    }

    private Map<String, String> perGroup(TargetGroup group) {
        return Map.of("LoadBalancer", loadBalancer.dimension(), "TargetGroup", group.dimension());
    }
}

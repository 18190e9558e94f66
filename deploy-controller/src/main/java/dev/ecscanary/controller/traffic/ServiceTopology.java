package dev.ecscanary.controller.traffic;

import dev.ecscanary.controller.revision.ReleasableService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Where a service's traffic flows: its deployment group (listeners, target groups) and the target groups' ARNs.
 * Read from AWS once per service and kept, since a release does not change them; {@link #forget} drops a stale entry.
 */
@Component
public class ServiceTopology {

    private final BlueGreenDeployer deployer;
    private final LoadBalancerReader loadBalancer;
    private final Map<String, Topology> cache = new ConcurrentHashMap<>();

    public ServiceTopology(BlueGreenDeployer deployer, LoadBalancerReader loadBalancer) {
        this.deployer = deployer;
        this.loadBalancer = loadBalancer;
    }

    /** The topology, or empty when the deployment group does not exist. */
    public Optional<Topology> of(ReleasableService service) {
        Topology known = cache.get(service.name());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DeploymentGroup> group = deployer.describeGroup(
                service.config().application(), service.config().deploymentGroup());
        if (group.isEmpty()) {
            return Optional.empty();
        }
        Topology topology = new Topology(
                group.get(), loadBalancer.targetGroupArns(group.get().targetGroupNames()));
        cache.put(service.name(), topology);
        return Optional.of(topology);
    }

    public void forget(String service) {
        cache.remove(service);
    }

    /** Percent of production traffic on the named target group, read back from the production listener. */
    public Optional<Integer> percentOn(Topology topology, String targetGroupName) {
        if (topology.group().productionListenerArns().isEmpty() || targetGroupName == null) {
            return Optional.empty();
        }
        Map<String, Integer> weights = loadBalancer.forwardWeights(
                topology.group().productionListenerArns().getFirst());
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        String arn = topology.targetGroupArns().get(targetGroupName);
        if (total == 0 || arn == null) {
            return Optional.empty();
        }
        return Optional.of((int) Math.round(100.0 * weights.getOrDefault(arn, 0) / total));
    }

    /** A deployment group and the ARNs of its target groups, by name. */
    public record Topology(DeploymentGroup group, Map<String, String> targetGroupArns) {}
}

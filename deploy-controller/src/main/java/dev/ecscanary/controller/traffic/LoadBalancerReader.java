package dev.ecscanary.controller.traffic;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads back from the load balancer what traffic really does, instead of trusting what was asked for. */
public interface LoadBalancerReader {

    /** Target group name to ARN, for the names that exist. */
    Map<String, String> targetGroupArns(Collection<String> targetGroupNames);

    /**
     * The weights of the listener's default forward action, by target group ARN (0 to 999 each, as ELBv2
     * stores them; a plain forward to one target group reads as weight 1 for it).
     */
    Map<String, Integer> forwardWeights(String listenerArn);

    /**
     * The targets of the target group that ELBv2 reports {@code healthy} (DescribeTargetHealth), as the load balancer
     * reaches them: for the IP targets of ECS tasks in awsvpc mode, the task's private address and container port.
     */
    List<TargetAddress> healthyTargets(String targetGroupArn);
}

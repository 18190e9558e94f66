package dev.ecscanary.controller.traffic.alb;

import static dev.ecscanary.controller.aws.AwsService.ELASTICLOADBALANCING;

import dev.ecscanary.controller.aws.AwsCallGuard;
import dev.ecscanary.controller.traffic.LoadBalancerReader;
import dev.ecscanary.controller.traffic.TargetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** {@link LoadBalancerReader} on the ELBv2 API (awsQuery). */
@Component
public class AlbLoadBalancerReader implements LoadBalancerReader {

    /** ELBv2's weight for a forward action that names one target group without a ForwardConfig. */
    private static final int SINGLE_TARGET_GROUP_WEIGHT = 1;

    private final ElasticLoadBalancingV2Client elb;
    private final AwsCallGuard aws;

    public AlbLoadBalancerReader(ElasticLoadBalancingV2Client elb, AwsCallGuard aws) {
        this.elb = elb;
        this.aws = aws;
    }

    @Override
    public Map<String, String> targetGroupArns(Collection<String> targetGroupNames) {
        List<String> names = targetGroupNames.stream().distinct().toList();
        if (names.isEmpty()) {
            return Map.of(); // DescribeTargetGroups without Names would list every target group of the account
        }
        return describeTargetGroups(names).orElseGet(() -> resolveOneByOne(names));
    }

    @Override
    public Map<String, Integer> forwardWeights(String listenerArn) {
        return defaultRule(listenerArn).map(AlbLoadBalancerReader::weights).orElse(Map.of());
    }

    @Override
    public List<TargetAddress> healthyTargets(String targetGroupArn) {
        return aws.call(
                ELASTICLOADBALANCING,
                "DescribeTargetHealth",
                () ->
                        elb
                                .describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
                                .targetHealthDescriptions()
                                .stream()
                                .filter(d -> d.targetHealth() != null
                                        && d.targetHealth().state() == TargetHealthStateEnum.HEALTHY
                                        && d.target() != null
                                        && d.target().port() != null)
                                .map(d -> new TargetAddress(
                                        d.target().id(), d.target().port()))
                                .toList());
    }

    /** Empty when ELBv2 says one of the names does not exist: it then answers for none of them. */
    private Optional<Map<String, String>> describeTargetGroups(List<String> names) {
        return aws.call(ELASTICLOADBALANCING, "DescribeTargetGroups", () -> {
            try {
                Map<String, String> arns = new LinkedHashMap<>();
                String marker = null;
                do {
                    String page = marker;
                    DescribeTargetGroupsResponse response =
                            elb.describeTargetGroups(r -> r.names(names).marker(page));
                    response.targetGroups().forEach(group -> arns.put(group.targetGroupName(), group.targetGroupArn()));
                    marker = response.nextMarker();
                } while (marker != null);
                return Optional.of(arns);
            } catch (TargetGroupNotFoundException oneIsMissing) {
                return Optional.empty();
            }
        });
    }

    private Map<String, String> resolveOneByOne(List<String> names) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (String name : names) {
            describeTargetGroups(List.of(name)).ifPresent(arns::putAll);
        }
        return arns;
    }

    private Optional<Rule> defaultRule(String listenerArn) {
        List<Rule> rules = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            DescribeRulesResponse response = aws.call(
                    ELASTICLOADBALANCING,
                    "DescribeRules",
                    () -> elb.describeRules(r -> r.listenerArn(listenerArn).marker(page)));
            rules.addAll(response.rules());
            marker = response.nextMarker();
        } while (marker != null);
        return rules.stream()
                .filter(rule -> Boolean.TRUE.equals(rule.isDefault()))
                .findFirst();
    }

    private static Map<String, Integer> weights(Rule rule) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        rule.actions().stream()
                .filter(action -> action.type() == ActionTypeEnum.FORWARD)
                .forEach(action -> addWeights(action, weights));
        return weights;
    }

    private static void addWeights(Action forward, Map<String, Integer> weights) {
        if (forward.forwardConfig() != null
                && !forward.forwardConfig().targetGroups().isEmpty()) {
            for (TargetGroupTuple group : forward.forwardConfig().targetGroups()) {
                weights.put(
                        group.targetGroupArn(), group.weight() == null ? SINGLE_TARGET_GROUP_WEIGHT : group.weight());
            }
        } else if (forward.targetGroupArn() != null) {
            weights.put(forward.targetGroupArn(), SINGLE_TARGET_GROUP_WEIGHT);
        }
    }
}

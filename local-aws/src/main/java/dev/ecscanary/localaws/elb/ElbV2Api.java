package dev.ecscanary.localaws.elb;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.AwsService;
import dev.ecscanary.localaws.wire.Input;
import dev.ecscanary.localaws.wire.Json;
import dev.ecscanary.localaws.wire.Operations;
import dev.ecscanary.localaws.wire.Protocol;
import dev.ecscanary.localaws.wire.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** ELBv2 (AWS Query only, 2015-12-01): the read operations CodeDeploy's users call to see listeners and health. */
public final class ElbV2Api implements AwsService {

    private static final ServiceSpec SPEC = new ServiceSpec(
            "elasticloadbalancing",
            null,
            null,
            "2015-12-01",
            "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
            Set.of(Protocol.AWS_QUERY),
            "InternalFailure",
            Map.of());

    private final LoadBalancer loadBalancer;
    private final Operations operations;

    public ElbV2Api(LoadBalancer loadBalancer) {
        this.loadBalancer = loadBalancer;
        TargetGroupOutput targetGroups = new TargetGroupOutput(loadBalancer);
        this.operations = Operations.builder()
                .add("DescribeLoadBalancers", this::describeLoadBalancers)
                .add("DescribeListeners", this::describeListeners)
                .add("DescribeRules", this::describeRules)
                .add("DescribeTargetGroups", targetGroups::describeTargetGroups)
                .add("DescribeTargetHealth", targetGroups::describeTargetHealth)
                .build();
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public Operations operations() {
        return operations;
    }

    private ObjectNode describeLoadBalancers(Input input) {
        List<String> names = input.strings("Names");
        List<String> arns = input.strings("LoadBalancerArns");
        boolean matches = (names.isEmpty() || names.contains(loadBalancer.name()))
                && (arns.isEmpty() || arns.contains(loadBalancer.arn()));
        if (!matches) {
            throw AwsException.client("LoadBalancerNotFound", "One or more load balancers not found");
        }
        ObjectNode output = Json.object();
        ObjectNode lb = output.putArray("LoadBalancers")
                .addObject()
                .put("LoadBalancerArn", loadBalancer.arn())
                .put("LoadBalancerName", loadBalancer.name())
                .put("DNSName", loadBalancer.name() + "-1234567890.eu-central-1.elb.amazonaws.com")
                .put("Scheme", "internet-facing")
                .put("Type", "application");
        lb.putObject("State").put("Code", "active");
        lb.put("IpAddressType", "ipv4");
        return output;
    }

    private ObjectNode describeListeners(Input input) {
        List<String> arns = input.strings("ListenerArns");
        String lbArn = input.text("LoadBalancerArn");
        if (lbArn == null && arns.isEmpty()) {
            throw AwsException.client(
                    "ValidationError", "You must specify either listener ARNs or a load balancer ARN");
        }
        if (lbArn != null && !lbArn.equals(loadBalancer.arn())) {
            throw AwsException.client("LoadBalancerNotFound", "Load balancer '" + lbArn + "' not found");
        }
        List<Listener> listeners = arns.isEmpty()
                ? loadBalancer.listeners()
                : arns.stream().map(this::listener).toList();
        ObjectNode output = Json.object();
        ArrayNode list = output.putArray("Listeners");
        for (Listener l : listeners) {
            ObjectNode listener = list.addObject()
                    .put("ListenerArn", l.arn())
                    .put("LoadBalancerArn", loadBalancer.arn())
                    .put("Port", l.awsPort())
                    .put("Protocol", "HTTP");
            listener.putArray("DefaultActions").add(forwardAction(l));
        }
        return output;
    }

    private ObjectNode describeRules(Input input) {
        String listenerArn = input.text("ListenerArn");
        List<String> ruleArns = input.strings("RuleArns");
        if (listenerArn == null && ruleArns.isEmpty()) {
            throw AwsException.client("ValidationError", "You must specify either listener ARN or rule ARNs");
        }
        List<Listener> listeners = listenerArn != null
                ? List.of(listener(listenerArn))
                : ruleArns.stream()
                        .map(arn -> loadBalancer.listeners().stream()
                                .filter(l -> l.ruleArn().equals(arn))
                                .findFirst()
                                .orElseThrow(() -> AwsException.client("RuleNotFound", "One or more rules not found")))
                        .toList();
        ObjectNode output = Json.object();
        ArrayNode rules = output.putArray("Rules");
        for (Listener l : listeners) {
            ObjectNode rule = rules.addObject().put("RuleArn", l.ruleArn()).put("Priority", "default");
            rule.putArray("Conditions");
            rule.putArray("Actions").add(forwardAction(l));
            rule.put("IsDefault", true);
        }
        return output;
    }

    private static ObjectNode forwardAction(Listener listener) {
        ObjectNode action = Json.object().put("Type", "forward").put("Order", 1);
        ObjectNode forward = action.putObject("ForwardConfig");
        ArrayNode groups = forward.putArray("TargetGroups");
        listener.forward()
                .forEach(weighted -> groups.addObject()
                        .put("TargetGroupArn", weighted.targetGroup().arn())
                        .put("Weight", weighted.weight()));
        forward.putObject("TargetGroupStickinessConfig").put("Enabled", false);
        return action;
    }

    private Listener listener(String arn) {
        return loadBalancer
                .listenerByArn(arn)
                .orElseThrow(() -> AwsException.client("ListenerNotFound", "One or more listeners not found"));
    }
}

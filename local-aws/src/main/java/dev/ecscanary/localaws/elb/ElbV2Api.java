package dev.ecscanary.localaws.elb;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.QueryParams;
import dev.ecscanary.localaws.wire.QueryService;
import dev.ecscanary.localaws.wire.Xml;
import java.util.List;
import java.util.Set;

/** ELBv2 (awsQuery, 2015-12-01): the read operations CodeDeploy's users call to see listeners, rules and health. */
public final class ElbV2Api implements QueryService {

    private static final Set<String> ACTIONS = Set.of(
            "DescribeLoadBalancers",
            "DescribeListeners",
            "DescribeRules",
            "DescribeTargetGroups",
            "DescribeTargetHealth");

    private final LoadBalancer loadBalancer;

    public ElbV2Api(LoadBalancer loadBalancer) {
        this.loadBalancer = loadBalancer;
    }

    @Override
    public String signingName() {
        return "elasticloadbalancing";
    }

    @Override
    public String version() {
        return "2015-12-01";
    }

    @Override
    public String xmlNamespace() {
        return "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    }

    @Override
    public String serverErrorCode() {
        return "InternalFailure";
    }

    @Override
    public boolean supports(String action) {
        return ACTIONS.contains(action);
    }

    @Override
    public void handle(String action, QueryParams params, Xml result) {
        switch (action) {
            case "DescribeLoadBalancers" -> describeLoadBalancers(params, result);
            case "DescribeListeners" -> describeListeners(params, result);
            case "DescribeRules" -> describeRules(params, result);
            case "DescribeTargetGroups" -> describeTargetGroups(params, result);
            case "DescribeTargetHealth" -> describeTargetHealth(params, result);
            default -> throw AwsException.client("InvalidAction", action);
        }
    }

    private void describeLoadBalancers(QueryParams params, Xml result) {
        List<String> names = params.strings("Names");
        List<String> arns = params.strings("LoadBalancerArns");
        boolean matches = (names.isEmpty() || names.contains(loadBalancer.name()))
                && (arns.isEmpty() || arns.contains(loadBalancer.arn()));
        if (!matches) {
            throw AwsException.client("LoadBalancerNotFound", "One or more load balancers not found");
        }
        result.members(
                "LoadBalancers",
                List.of(loadBalancer),
                (xml, lb) -> xml.element("LoadBalancerArn", lb.arn())
                        .element("LoadBalancerName", lb.name())
                        .element("DNSName", lb.name() + "-1234567890.eu-central-1.elb.amazonaws.com")
                        .element("Scheme", "internet-facing")
                        .element("Type", "application")
                        .element("State", s -> s.element("Code", "active"))
                        .element("IpAddressType", "ipv4"));
    }

    private void describeListeners(QueryParams params, Xml result) {
        List<String> arns = params.strings("ListenerArns");
        String lbArn = params.get("LoadBalancerArn");
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
        result.members(
                "Listeners",
                listeners,
                (xml, l) -> xml.element("ListenerArn", l.arn())
                        .element("LoadBalancerArn", loadBalancer.arn())
                        .element("Port", l.awsPort())
                        .element("Protocol", "HTTP")
                        .members(
                                "DefaultActions", List.of(l), (actions, listener) -> forwardAction(actions, listener)));
    }

    private void describeRules(QueryParams params, Xml result) {
        String listenerArn = params.get("ListenerArn");
        List<String> ruleArns = params.strings("RuleArns");
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
        result.members(
                "Rules",
                listeners,
                (xml, l) -> xml.element("RuleArn", l.ruleArn())
                        .element("Priority", "default")
                        .members("Conditions", List.<String>of(), (c, none) -> {})
                        .members("Actions", List.of(l), (actions, listener) -> forwardAction(actions, listener))
                        .element("IsDefault", true));
    }

    private void forwardAction(Xml xml, Listener listener) {
        xml.element("Type", "forward")
                .element("Order", 1)
                .element(
                        "ForwardConfig",
                        forward -> forward.members(
                                        "TargetGroups",
                                        listener.forward(),
                                        (tg, weighted) -> tg.element(
                                                        "TargetGroupArn",
                                                        weighted.targetGroup().arn())
                                                .element("Weight", weighted.weight()))
                                .element("TargetGroupStickinessConfig", s -> s.element("Enabled", false)));
    }

    private void describeTargetGroups(QueryParams params, Xml result) {
        List<String> names = params.strings("Names");
        List<String> arns = params.strings("TargetGroupArns");
        String lbArn = params.get("LoadBalancerArn");
        if (lbArn != null && !lbArn.equals(loadBalancer.arn())) {
            throw AwsException.client("LoadBalancerNotFound", "Load balancer '" + lbArn + "' not found");
        }
        List<TargetGroup> groups;
        if (!names.isEmpty()) {
            groups = names.stream()
                    .map(n -> loadBalancer.targetGroupByName(n).orElseThrow(this::targetGroupNotFound))
                    .toList();
        } else if (!arns.isEmpty()) {
            groups = arns.stream()
                    .map(a -> loadBalancer.targetGroupByArn(a).orElseThrow(this::targetGroupNotFound))
                    .toList();
        } else {
            groups = loadBalancer.targetGroups();
        }
        result.members(
                "TargetGroups",
                groups,
                (xml, g) -> xml.element("TargetGroupArn", g.arn())
                        .element("TargetGroupName", g.name())
                        .element("Protocol", "HTTP")
                        .element("Port", g.port())
                        .element("VpcId", "vpc-0rehearsal")
                        .element("HealthCheckProtocol", "HTTP")
                        .element("HealthCheckPort", "traffic-port")
                        .element("HealthCheckEnabled", true)
                        .element("HealthCheckIntervalSeconds", g.healthCheck().intervalSeconds())
                        .element(
                                "HealthCheckTimeoutSeconds",
                                g.healthCheck().timeout().toSeconds())
                        .element("HealthyThresholdCount", g.healthCheck().healthyThreshold())
                        .element("UnhealthyThresholdCount", g.healthCheck().unhealthyThreshold())
                        .element("HealthCheckPath", g.healthCheck().path())
                        .element("Matcher", m -> m.element("HttpCode", "200"))
                        .members("LoadBalancerArns", List.of(loadBalancer.arn()), (x, arn) -> x.raw(Xml.escape(arn)))
                        .element("TargetType", "ip")
                        .element("ProtocolVersion", "HTTP1")
                        .element("IpAddressType", "ipv4"));
    }

    private void describeTargetHealth(QueryParams params, Xml result) {
        TargetGroup group =
                loadBalancer.targetGroupByArn(params.required("TargetGroupArn")).orElseThrow(this::targetGroupNotFound);
        result.members(
                "TargetHealthDescriptions",
                group.targets(),
                (xml, t) -> xml.element(
                                "Target",
                                target -> target.element("Id", "127.0.0.1").element("Port", t.port()))
                        .element("HealthCheckPort", String.valueOf(t.port()))
                        .element("TargetHealth", health -> {
                            health.element("State", t.state().wire());
                            if (t.state().reason() != null) {
                                health.element("Reason", t.state().reason());
                            }
                        }));
    }

    private Listener listener(String arn) {
        return loadBalancer
                .listenerByArn(arn)
                .orElseThrow(() -> AwsException.client("ListenerNotFound", "One or more listeners not found"));
    }

    private AwsException targetGroupNotFound() {
        return AwsException.client("TargetGroupNotFound", "One or more target groups not found");
    }
}

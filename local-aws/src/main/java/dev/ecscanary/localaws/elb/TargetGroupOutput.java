package dev.ecscanary.localaws.elb;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.Input;
import dev.ecscanary.localaws.wire.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeTargetGroups and DescribeTargetHealth: the two target groups and their targets' health. */
final class TargetGroupOutput {

    private final LoadBalancer loadBalancer;

    TargetGroupOutput(LoadBalancer loadBalancer) {
        this.loadBalancer = loadBalancer;
    }

    ObjectNode describeTargetGroups(Input input) {
        List<String> names = input.strings("Names");
        List<String> arns = input.strings("TargetGroupArns");
        String lbArn = input.text("LoadBalancerArn");
        if (lbArn != null && !lbArn.equals(loadBalancer.arn())) {
            throw AwsException.client("LoadBalancerNotFound", "Load balancer '" + lbArn + "' not found");
        }
        List<TargetGroup> groups;
        if (!names.isEmpty()) {
            groups = names.stream()
                    .map(n -> loadBalancer.targetGroupByName(n).orElseThrow(TargetGroupOutput::notFound))
                    .toList();
        } else if (!arns.isEmpty()) {
            groups = arns.stream()
                    .map(a -> loadBalancer.targetGroupByArn(a).orElseThrow(TargetGroupOutput::notFound))
                    .toList();
        } else {
            groups = loadBalancer.targetGroups();
        }
        ObjectNode output = Json.object();
        ArrayNode list = output.putArray("TargetGroups");
        groups.forEach(group -> list.add(targetGroup(group)));
        return output;
    }

    private ObjectNode targetGroup(TargetGroup g) {
        ObjectNode out = Json.object()
                .put("TargetGroupArn", g.arn())
                .put("TargetGroupName", g.name())
                .put("Protocol", "HTTP")
                .put("Port", g.port())
                .put("VpcId", "vpc-0rehearsal")
                .put("HealthCheckProtocol", "HTTP")
                .put("HealthCheckPort", "traffic-port")
                .put("HealthCheckEnabled", true)
                .put("HealthCheckIntervalSeconds", g.healthCheck().intervalSeconds())
                .put("HealthCheckTimeoutSeconds", g.healthCheck().timeout().toSeconds())
                .put("HealthyThresholdCount", g.healthCheck().healthyThreshold())
                .put("UnhealthyThresholdCount", g.healthCheck().unhealthyThreshold())
                .put("HealthCheckPath", g.healthCheck().path());
        out.putObject("Matcher").put("HttpCode", "200");
        out.putArray("LoadBalancerArns").add(loadBalancer.arn());
        return out.put("TargetType", "ip").put("ProtocolVersion", "HTTP1").put("IpAddressType", "ipv4");
    }

    ObjectNode describeTargetHealth(Input input) {
        TargetGroup group = loadBalancer
                .targetGroupByArn(input.required("TargetGroupArn"))
                .orElseThrow(TargetGroupOutput::notFound);
        ObjectNode output = Json.object();
        ArrayNode descriptions = output.putArray("TargetHealthDescriptions");
        for (Target t : group.targets()) {
            ObjectNode description = descriptions.addObject();
            description.putObject("Target").put("Id", "127.0.0.1").put("Port", t.port());
            description.put("HealthCheckPort", String.valueOf(t.port()));
            ObjectNode health =
                    description.putObject("TargetHealth").put("State", t.state().wire());
            if (t.state().reason() != null) {
                health.put("Reason", t.state().reason());
            }
        }
        return output;
    }

    private static AwsException notFound() {
        return AwsException.client("TargetGroupNotFound", "One or more target groups not found");
    }
}

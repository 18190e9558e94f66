package dev.ecscanary.controller.wire;

/**
 * ELBv2's DescribeTargetGroups and DescribeRules (awsQuery): each service's blue and green target groups, and its
 * listeners' default rule forwarding with the weights of the current traffic split.
 */
final class ElbOperations {

    private final StandInWorld world;

    ElbOperations(StandInWorld world) {
        this.world = world;
    }

    String answer(WireCall call) {
        return world.locked(() -> switch (call.operation()) {
            case "DescribeTargetGroups" -> targetGroups(call);
            case "DescribeRules" -> rules(call);
            default -> throw StandInError.clientError("InvalidAction", "Unknown operation " + call.operation());
        });
    }

    /** Like ELBv2: when one of the names does not exist, the whole call fails with TargetGroupNotFound. */
    private String targetGroups(WireCall call) {
        StringBuilder members = new StringBuilder();
        for (String name : call.strings("Names")) {
            StandInService s = world.byTargetGroup(name)
                    .orElseThrow(() ->
                            StandInError.clientError("TargetGroupNotFound", "One or more target groups not found"));
            members.append("<member><TargetGroupArn>")
                    .append(s.targetGroupArn(name))
                    .append("</TargetGroupArn>")
                    .append("<TargetGroupName>")
                    .append(Xml.escape(name))
                    .append("</TargetGroupName>")
                    .append("<Protocol>HTTP</Protocol><Port>3000</Port><VpcId>vpc-0a1b2c3d</VpcId>")
                    .append("<HealthCheckPath>/health</HealthCheckPath><TargetType>ip</TargetType>")
                    .append("</member>");
        }
        return "<TargetGroups>" + members + "</TargetGroups>";
    }

    private String rules(WireCall call) {
        String listener = call.string("ListenerArn");
        StandInService s = world.byListener(listener)
                .orElseThrow(() -> StandInError.clientError("ListenerNotFound", "One or more listeners not found"));
        int green = listener.equals(s.productionListenerArn()) ? world.green(s) : 100;
        return "<Rules><member><RuleArn>" + listener.replace(":listener/", ":listener-rule/") + "/default</RuleArn>"
                + "<Priority>default</Priority><Conditions/><IsDefault>true</IsDefault>"
                + "<Actions><member><Type>forward</Type><Order>1</Order><ForwardConfig><TargetGroups>"
                + weight(s.targetGroupArn(s.blueTargetGroup()), 100 - green)
                + weight(s.targetGroupArn(s.greenTargetGroup()), green)
                + "</TargetGroups><TargetGroupStickinessConfig><Enabled>false</Enabled></TargetGroupStickinessConfig>"
                + "</ForwardConfig></member></Actions></member></Rules>";
    }

    private static String weight(String targetGroupArn, int weight) {
        return "<member><TargetGroupArn>" + targetGroupArn + "</TargetGroupArn><Weight>" + weight
                + "</Weight></member>";
    }
}

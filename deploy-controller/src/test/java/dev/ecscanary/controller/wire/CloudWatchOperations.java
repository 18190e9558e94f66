package dev.ecscanary.controller.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch's DescribeAlarms (awsQuery, as SDK 2.40.2 speaks it): each service's alarm as the repository's
 * metric-math success-rate alarm, in the state the test or benchmark gave it, with NextToken paging.
 */
final class CloudWatchOperations {

    private static final int DEFAULT_MAX_RECORDS = 50;

    private final StandInWorld world;

    CloudWatchOperations(StandInWorld world) {
        this.world = world;
    }

    String answer(WireCall call) {
        if (!"DescribeAlarms".equals(call.operation())) {
            throw StandInError.clientError("InvalidAction", "Unknown operation " + call.operation());
        }
        List<String> types = call.strings("AlarmTypes");
        if (!types.isEmpty() && !types.contains("MetricAlarm")) {
            return "<MetricAlarms/><CompositeAlarms/>";
        }
        List<String> members = world.locked(() -> {
            List<String> found = new ArrayList<>();
            for (String name : call.strings("AlarmNames")) {
                world.alarm(name).ifPresent(alarm -> found.add(member(name, alarm)));
            }
            return found;
        });
        int from = call.string("NextToken") == null ? 0 : Integer.parseInt(call.string("NextToken"));
        int max = call.string("MaxRecords") == null ? DEFAULT_MAX_RECORDS : Integer.parseInt(call.string("MaxRecords"));
        int to = Math.min(members.size(), from + max);
        return "<MetricAlarms>" + String.join("", members.subList(from, to)) + "</MetricAlarms><CompositeAlarms/>"
                + (to < members.size() ? "<NextToken>" + to + "</NextToken>" : "");
    }

    private String member(String name, StandInWorld.Alarm alarm) {
        String loadBalancer =
                "app/" + world.byAlarm(name).map(StandInService::cluster).orElse("ecs-canary") + "/50dc6c495c0c9188";
        return "<member><AlarmName>" + Xml.escape(name) + "</AlarmName>"
                + "<AlarmArn>arn:aws:cloudwatch:" + StandInService.REGION + ":" + StandInService.ACCOUNT + ":alarm:"
                + Xml.escape(name) + "</AlarmArn>"
                + "<ActionsEnabled>true</ActionsEnabled>"
                + "<StateValue>" + alarm.state() + "</StateValue>"
                + "<StateReason>" + Xml.escape(alarm.reason()) + "</StateReason>"
                + "<StateUpdatedTimestamp>" + alarm.updatedAt() + "</StateUpdatedTimestamp>"
                + "<StateTransitionedTimestamp>" + alarm.updatedAt() + "</StateTransitionedTimestamp>"
                + "<EvaluationPeriods>2</EvaluationPeriods><DatapointsToAlarm>2</DatapointsToAlarm>"
                + "<Threshold>99.5</Threshold><ComparisonOperator>LessThanThreshold</ComparisonOperator>"
                + "<TreatMissingData>missing</TreatMissingData><Metrics>"
                + "<member><Id>successRate</Id><Expression>100*(1-errors/requests)</Expression>"
                + "<Label>Success rate (%)</Label><ReturnData>true</ReturnData></member>"
                + query("errors", "HTTPCode_Target_5XX_Count", loadBalancer)
                + query("requests", "RequestCount", loadBalancer)
                + "</Metrics></member>";
    }

    private static String query(String id, String metric, String loadBalancer) {
        return "<member><Id>" + id + "</Id><ReturnData>false</ReturnData><MetricStat><Metric>"
                + "<Namespace>AWS/ApplicationELB</Namespace><MetricName>" + metric + "</MetricName>"
                + "<Dimensions><member><Name>LoadBalancer</Name><Value>" + loadBalancer
                + "</Value></member></Dimensions>"
                + "</Metric><Period>60</Period><Stat>Sum</Stat></MetricStat></member>";
    }
}

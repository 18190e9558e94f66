package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.Json;
import dev.ecscanary.localaws.wire.Output;
import tools.jackson.databind.node.ObjectNode;

/** A MetricAlarm as DescribeAlarms answers it, with the service model's member names. */
final class AlarmOutput {

    private AlarmOutput() {}

    static ObjectNode of(MetricAlarm alarm) {
        MetricAlarm.State state = alarm.state();
        ObjectNode out = Json.object()
                .put("AlarmName", alarm.name())
                .put("AlarmArn", alarm.arn())
                .put("AlarmDescription", alarm.description());
        Output.timestamp(out, "AlarmConfigurationUpdatedTimestamp", alarm.configuredAt());
        out.put("ActionsEnabled", true);
        out.putArray("OKActions");
        out.putArray("AlarmActions");
        out.putArray("InsufficientDataActions");
        out.put("StateValue", state.value())
                .put("StateReason", state.reason())
                .put("StateReasonData", state.reasonData());
        Output.timestamp(out, "StateUpdatedTimestamp", state.updated());
        out.putArray("Dimensions");
        out.put("EvaluationPeriods", alarm.evaluationPeriods())
                .put("DatapointsToAlarm", alarm.datapointsToAlarm())
                .put("Threshold", alarm.threshold())
                .put("ComparisonOperator", alarm.comparisonOperator())
                .put("TreatMissingData", alarm.treatMissingData());
        var metrics = out.putArray("Metrics");
        alarm.metrics().forEach(query -> metrics.add(query(query)));
        Output.timestamp(out, "StateTransitionedTimestamp", state.transitioned());
        return out;
    }

    private static ObjectNode query(MetricQuery query) {
        ObjectNode out = Json.object().put("Id", query.id());
        if (query.isExpression()) {
            out.put("Expression", query.expression());
        } else {
            ObjectNode stat = out.putObject("MetricStat");
            ObjectNode metric = stat.putObject("Metric")
                    .put("Namespace", query.metric().namespace())
                    .put("MetricName", query.metric().name());
            query.metric()
                    .dimensions()
                    .forEach((name, value) -> metric.withArray("Dimensions")
                            .addObject()
                            .put("Name", name)
                            .put("Value", value));
            stat.put("Period", query.period()).put("Stat", query.stat());
        }
        if (query.label() != null) {
            out.put("Label", query.label());
        }
        return out.put("ReturnData", query.returnData());
    }
}

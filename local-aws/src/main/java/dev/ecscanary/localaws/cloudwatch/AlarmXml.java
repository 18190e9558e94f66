package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.Xml;
import java.util.List;

/** The XML of a MetricAlarm in DescribeAlarms, with the SDK model's member names. */
final class AlarmXml {

    private AlarmXml() {}

    static void write(Xml xml, MetricAlarm alarm) {
        MetricAlarm.State state = alarm.state();
        xml.element("AlarmName", alarm.name())
                .element("AlarmArn", alarm.arn())
                .element("AlarmDescription", alarm.description())
                .element("AlarmConfigurationUpdatedTimestamp", alarm.configuredAt())
                .element("ActionsEnabled", true)
                .members("OKActions", List.<String>of(), (x, none) -> {})
                .members("AlarmActions", List.<String>of(), (x, none) -> {})
                .members("InsufficientDataActions", List.<String>of(), (x, none) -> {})
                .element("StateValue", state.value())
                .element("StateReason", state.reason())
                .element("StateReasonData", state.reasonData())
                .element("StateUpdatedTimestamp", state.updated())
                .members("Dimensions", List.<String>of(), (x, none) -> {})
                .element("EvaluationPeriods", alarm.evaluationPeriods())
                .element("DatapointsToAlarm", alarm.datapointsToAlarm())
                .element("Threshold", alarm.threshold())
                .element("ComparisonOperator", alarm.comparisonOperator())
                .element("TreatMissingData", alarm.treatMissingData())
                .members("Metrics", alarm.metrics(), AlarmXml::query)
                .element("StateTransitionedTimestamp", state.transitioned());
    }

    private static void query(Xml xml, MetricQuery query) {
        xml.element("Id", query.id());
        if (query.isExpression()) {
            xml.element("Expression", query.expression());
        } else {
            xml.element(
                    "MetricStat",
                    stat -> stat.element(
                                    "Metric",
                                    metric -> metric.element(
                                                    "Namespace", query.metric().namespace())
                                            .element(
                                                    "MetricName", query.metric().name())
                                            .members(
                                                    "Dimensions",
                                                    query.metric().dimensions().entrySet(),
                                                    (d, e) -> d.element("Name", e.getKey())
                                                            .element("Value", e.getValue())))
                            .element("Period", query.period())
                            .element("Stat", query.stat()));
        }
        xml.element("Label", query.label()).element("ReturnData", query.returnData());
    }
}

package dev.ecscanary.controller.analysis.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.ecscanary.controller.aws.AwsWireProtocol.CLOUDWATCH_QUERY;
import static dev.ecscanary.controller.aws.AwsWireProtocol.QUERY_CONTENT_TYPE;
import static dev.ecscanary.controller.aws.AwsWireProtocol.formParameters;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.aws.AdapterWireTest;
import dev.ecscanary.controller.aws.AwsOperation;
import dev.ecscanary.controller.aws.AwsService;
import dev.ecscanary.controller.aws.AwsTestRig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * CloudWatch as SDK 2.40.2 speaks it: awsQuery, Version 2010-08-01 (2.40.7 and later switch to smithy-rpc-v2-cbor).
 * Response shapes follow the CloudWatch API reference
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html, API_MetricAlarm.html,
 * API_CompositeAlarm.html, API_MetricDataQuery.html, API_GetMetricData.html, API_MetricDataResult.html).
 * It runs where the SDK speaks Query; {@code cbor/CloudWatchReadersCborTest} covers the same scenarios in CBOR.
 */
@EnabledIf("dev.ecscanary.controller.analysis.cloudwatch.cbor.CloudWatchWireFormat#sdkSpeaksQuery")
class CloudWatchReadersTest extends AdapterWireTest {

    private static final String SUCCESS_RATE_ALARM = """
            <member>
              <AlarmName>demo-app-success-rate</AlarmName>
              <AlarmArn>arn:aws:cloudwatch:eu-central-1:123456789012:alarm:demo-app-success-rate</AlarmArn>
              <AlarmDescription>Share of non-5XX answers of the demo-app ALB target groups</AlarmDescription>
              <ActionsEnabled>true</ActionsEnabled>
              <StateValue>ALARM</StateValue>
              <StateReason>Threshold Crossed: 2 out of the last 2 datapoints were less than the threshold (99.5).</StateReason>
              <StateUpdatedTimestamp>2026-11-23T10:05:00.120Z</StateUpdatedTimestamp>
              <StateTransitionedTimestamp>2026-11-23T10:05:00.120Z</StateTransitionedTimestamp>
              <EvaluationPeriods>2</EvaluationPeriods>
              <DatapointsToAlarm>2</DatapointsToAlarm>
              <Threshold>99.5</Threshold>
              <ComparisonOperator>LessThanThreshold</ComparisonOperator>
              <TreatMissingData>notBreaching</TreatMissingData>
              <Metrics>
                <member>
                  <Id>errors</Id>
                  <MetricStat>
                    <Metric><Namespace>AWS/ApplicationELB</Namespace><MetricName>HTTPCode_Target_5XX_Count</MetricName>
                      <Dimensions><member><Name>LoadBalancer</Name><Value>app/ecs-canary/50dc6c495c0c9188</Value></member></Dimensions></Metric>
                    <Period>60</Period><Stat>Sum</Stat>
                  </MetricStat>
                  <ReturnData>false</ReturnData>
                </member>
                <member>
                  <Id>requests</Id>
                  <MetricStat>
                    <Metric><Namespace>AWS/ApplicationELB</Namespace><MetricName>RequestCount</MetricName>
                      <Dimensions><member><Name>LoadBalancer</Name><Value>app/ecs-canary/50dc6c495c0c9188</Value></member></Dimensions></Metric>
                    <Period>60</Period><Stat>Sum</Stat>
                  </MetricStat>
                  <ReturnData>false</ReturnData>
                </member>
                <member>
                  <Id>successRate</Id>
                  <Expression>100*(1-errors/requests)</Expression>
                  <Label>Success rate (%)</Label>
                  <ReturnData>true</ReturnData>
                </member>
              </Metrics>
            </member>
            """;
    private static final String RELEASE_GATE = """
            <member>
              <AlarmName>release-gate</AlarmName>
              <AlarmArn>arn:aws:cloudwatch:eu-central-1:123456789012:alarm:release-gate</AlarmArn>
              <AlarmRule>ALARM("demo-app-success-rate") OR ALARM("demo-app-latency")</AlarmRule>
              <ActionsEnabled>false</ActionsEnabled>
              <StateValue>OK</StateValue>
              <StateReason>No child alarm in ALARM</StateReason>
              <StateUpdatedTimestamp>2026-11-23T09:00:00Z</StateUpdatedTimestamp>
            </member>
            """;
    private static final String ALARMS = "<MetricAlarms>" + SUCCESS_RATE_ALARM + "</MetricAlarms><CompositeAlarms>"
            + RELEASE_GATE + "</CompositeAlarms>";
    private static final String METRIC_DATA = """
            <MetricDataResults>
              <member>
                <Id>successRate</Id>
                <Label>Success rate (%)</Label>
                <Timestamps><member>2026-11-23T10:00:00Z</member><member>2026-11-23T10:01:00Z</member></Timestamps>
                <Values><member>100.0</member><member>97.25</member></Values>
                <StatusCode>Complete</StatusCode>
              </member>
            </MetricDataResults>
            <Messages/>
            """;
    private static final Instant FROM = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T10:30:00Z");

    private CloudWatchAlarmReader alarms;
    private CloudWatchMetricReader metrics;

    @Override
    protected SdkAutoCloseable connectAdapters(AwsTestRig rig) {
        CloudWatchClient client = rig.clients.cloudWatch();
        alarms = new CloudWatchAlarmReader(client, rig.guard);
        metrics = new CloudWatchMetricReader(client, rig.guard);
        return client;
    }

    @Test
    void readsMetricAndCompositeAlarmsInOneCallAndReportsUnknownNamesAsMissing() {
        server.stubFor(
                CLOUDWATCH_QUERY.stubFor("DescribeAlarms").willReturn(CLOUDWATCH_QUERY.ok("DescribeAlarms", ALARMS)));

        Map<String, AlarmReading> readings =
                alarms.read(List.of("demo-app-success-rate", "release-gate", "no-such-alarm"));

        List<LoggedRequest> requests = server.findAll(
                CLOUDWATCH_QUERY.requestsOf("DescribeAlarms").withHeader("Content-Type", equalTo(QUERY_CONTENT_TYPE)));
        assertThat(requests).hasSize(1);
        assertThat(formParameters(requests.get(0).getBodyAsString()))
                .isEqualTo(Map.of(
                        "Action",
                        "DescribeAlarms",
                        "Version",
                        "2010-08-01",
                        "AlarmNames.member.1",
                        "demo-app-success-rate",
                        "AlarmNames.member.2",
                        "release-gate",
                        "AlarmNames.member.3",
                        "no-such-alarm",
                        "AlarmTypes.member.1",
                        "MetricAlarm",
                        "AlarmTypes.member.2",
                        "CompositeAlarm",
                        "MaxRecords",
                        "100"));
        assertThat(readings)
                .containsExactly(
                        Map.entry(
                                "demo-app-success-rate",
                                new AlarmReading(
                                        "demo-app-success-rate",
                                        AlarmState.ALARM,
                                        "Threshold Crossed: 2 out of the last 2 datapoints were less than the threshold (99.5).",
                                        Instant.parse("2026-11-23T10:05:00.120Z"))),
                        Map.entry(
                                "release-gate",
                                new AlarmReading(
                                        "release-gate",
                                        AlarmState.OK,
                                        "No child alarm in ALARM",
                                        Instant.parse("2026-11-23T09:00:00Z"))),
                        Map.entry("no-such-alarm", AlarmReading.missing("no-such-alarm")));
    }

    @Test
    void twoHundredDistinctNamesTakeTwoCallsOfAHundredNames() {
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("DescribeAlarms")
                .willReturn(CLOUDWATCH_QUERY.ok("DescribeAlarms", "<MetricAlarms/><CompositeAlarms/>")));
        List<String> names =
                IntStream.rangeClosed(1, 200).mapToObj(i -> "alarm-" + i).toList();
        List<String> withDuplicates =
                Stream.concat(names.stream(), names.stream().limit(30)).toList();

        Map<String, AlarmReading> readings = alarms.read(withDuplicates);

        List<Map<String, String>> calls = server.findAll(CLOUDWATCH_QUERY.requestsOf("DescribeAlarms")).stream()
                .map(request -> formParameters(request.getBodyAsString()))
                .toList();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0))
                .containsEntry("AlarmNames.member.1", "alarm-1")
                .containsEntry("AlarmNames.member.100", "alarm-100")
                .doesNotContainKey("AlarmNames.member.101");
        assertThat(calls.get(1))
                .containsEntry("AlarmNames.member.1", "alarm-101")
                .containsEntry("AlarmNames.member.100", "alarm-200")
                .doesNotContainKey("AlarmNames.member.101");
        assertThat(readings).hasSize(200);
        assertThat(readings.values()).allMatch(reading -> reading.state() == AlarmState.MISSING);
    }

    @Test
    void followsNextTokenWithTheSameNames() {
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("DescribeAlarms")
                .atPriority(10)
                .willReturn(CLOUDWATCH_QUERY.ok(
                        "DescribeAlarms",
                        "<MetricAlarms/><CompositeAlarms>" + RELEASE_GATE
                                + "</CompositeAlarms><NextToken>page-2</NextToken>")));
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("DescribeAlarms")
                .withRequestBody(containing("NextToken=page-2"))
                .willReturn(CLOUDWATCH_QUERY.ok(
                        "DescribeAlarms", "<MetricAlarms>" + SUCCESS_RATE_ALARM + "</MetricAlarms>")));

        Map<String, AlarmReading> readings = alarms.read(List.of("demo-app-success-rate", "release-gate"));

        assertThat(readings.get("release-gate").state()).isEqualTo(AlarmState.OK);
        assertThat(readings.get("demo-app-success-rate").state()).isEqualTo(AlarmState.ALARM);
        List<LoggedRequest> requests = server.findAll(CLOUDWATCH_QUERY.requestsOf("DescribeAlarms"));
        assertThat(requests).hasSize(2);
        assertThat(formParameters(requests.get(1).getBodyAsString()))
                .containsEntry("NextToken", "page-2")
                .containsEntry("AlarmNames.member.2", "release-gate");
    }

    @Test
    void noNamesMeansNoCall() {
        assertThat(alarms.read(List.of())).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void seriesOfAMetricMathAlarmIsItsReturnDataExpressionOverTheWindow() {
        server.stubFor(
                CLOUDWATCH_QUERY.stubFor("DescribeAlarms").willReturn(CLOUDWATCH_QUERY.ok("DescribeAlarms", ALARMS)));
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("GetMetricData")
                .willReturn(CLOUDWATCH_QUERY.ok("GetMetricData", METRIC_DATA)));

        AlarmSeries series = metrics.series("demo-app-success-rate", FROM, TO).orElseThrow();

        assertThat(series)
                .isEqualTo(new AlarmSeries(
                        "demo-app-success-rate",
                        "Success rate (%)",
                        99.5,
                        "LessThanThreshold",
                        null,
                        List.of(
                                new AlarmSeries.Point(Instant.parse("2026-11-23T10:00:00Z"), 100.0),
                                new AlarmSeries.Point(Instant.parse("2026-11-23T10:01:00Z"), 97.25))));
        assertThat(formParameters(server.findAll(CLOUDWATCH_QUERY.requestsOf("DescribeAlarms"))
                        .get(0)
                        .getBodyAsString()))
                .isEqualTo(Map.of(
                        "Action",
                        "DescribeAlarms",
                        "Version",
                        "2010-08-01",
                        "AlarmNames.member.1",
                        "demo-app-success-rate",
                        "AlarmTypes.member.1",
                        "MetricAlarm"));
        Map<String, String> expected = new LinkedHashMap<>(Map.of(
                "Action",
                "GetMetricData",
                "Version",
                "2010-08-01",
                "StartTime",
                "2026-11-23T10:00:00Z",
                "EndTime",
                "2026-11-23T10:30:00Z",
                "ScanBy",
                "TimestampAscending"));
        expected.putAll(metricStatQuery(1, "errors", "HTTPCode_Target_5XX_Count"));
        expected.putAll(metricStatQuery(2, "requests", "RequestCount"));
        expected.putAll(Map.of(
                "MetricDataQueries.member.3.Id",
                "successRate",
                "MetricDataQueries.member.3.Expression",
                "100*(1-errors/requests)",
                "MetricDataQueries.member.3.Label",
                "Success rate (%)",
                "MetricDataQueries.member.3.ReturnData",
                "true"));
        assertThat(formParameters(server.findAll(CLOUDWATCH_QUERY.requestsOf("GetMetricData"))
                        .get(0)
                        .getBodyAsString()))
                .isEqualTo(expected);
    }

    @Test
    void seriesOfASingleMetricAlarmQueriesThatMetricWithTheAlarmsStatisticAndPeriod() {
        server.stubFor(
                CLOUDWATCH_QUERY.stubFor("DescribeAlarms").willReturn(CLOUDWATCH_QUERY.ok("DescribeAlarms", """
                <MetricAlarms><member>
                  <AlarmName>demo-app-latency</AlarmName><StateValue>OK</StateValue>
                  <MetricName>TargetResponseTime</MetricName><Namespace>AWS/ApplicationELB</Namespace>
                  <ExtendedStatistic>p99</ExtendedStatistic>
                  <Dimensions><member><Name>LoadBalancer</Name><Value>app/ecs-canary/50dc6c495c0c9188</Value></member></Dimensions>
                  <Period>60</Period><EvaluationPeriods>3</EvaluationPeriods>
                  <Threshold>0.5</Threshold><ComparisonOperator>GreaterThanThreshold</ComparisonOperator>
                </member></MetricAlarms>
                """)));
        server.stubFor(CLOUDWATCH_QUERY.stubFor("GetMetricData").willReturn(CLOUDWATCH_QUERY.ok("GetMetricData", """
                <MetricDataResults><member><Id>m1</Id><Label>TargetResponseTime</Label>
                  <Timestamps><member>2026-11-23T10:00:00Z</member></Timestamps><Values><member>0.231</member></Values>
                  <StatusCode>Complete</StatusCode></member></MetricDataResults>
                """)));

        AlarmSeries series = metrics.series("demo-app-latency", FROM, TO).orElseThrow();

        assertThat(series.threshold()).isEqualTo(0.5);
        assertThat(series.comparisonOperator()).isEqualTo("GreaterThanThreshold");
        assertThat(series.periodSeconds()).isEqualTo(60);
        assertThat(series.points())
                .containsExactly(new AlarmSeries.Point(Instant.parse("2026-11-23T10:00:00Z"), 0.231));
        assertThat(formParameters(server.findAll(CLOUDWATCH_QUERY.requestsOf("GetMetricData"))
                        .get(0)
                        .getBodyAsString()))
                .containsEntry("MetricDataQueries.member.1.Id", "m1")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "TargetResponseTime")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value",
                        "app/ecs-canary/50dc6c495c0c9188")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "p99")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "60")
                .containsEntry("MetricDataQueries.member.1.ReturnData", "true");
    }

    @Test
    void seriesFollowsNextTokenAndKeepsOnlyTheWatchedQuery() {
        server.stubFor(
                CLOUDWATCH_QUERY.stubFor("DescribeAlarms").willReturn(CLOUDWATCH_QUERY.ok("DescribeAlarms", ALARMS)));
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("GetMetricData")
                .atPriority(10)
                .willReturn(CLOUDWATCH_QUERY.ok("GetMetricData", """
                <MetricDataResults><member><Id>successRate</Id><Label>Success rate (%)</Label>
                  <Timestamps><member>2026-11-23T10:00:00Z</member></Timestamps><Values><member>99.9</member></Values>
                  <StatusCode>PartialData</StatusCode></member></MetricDataResults>
                <NextToken>more</NextToken>
                """)));
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("GetMetricData")
                .withRequestBody(containing("NextToken=more"))
                .willReturn(CLOUDWATCH_QUERY.ok("GetMetricData", """
                        <MetricDataResults>
                          <member><Id>successRate</Id><Timestamps><member>2026-11-23T10:01:00Z</member></Timestamps>
                            <Values><member>98.0</member></Values><StatusCode>Complete</StatusCode></member>
                          <member><Id>stray</Id><Timestamps><member>2026-11-23T10:01:00Z</member></Timestamps>
                            <Values><member>5.0</member></Values><StatusCode>Complete</StatusCode></member>
                        </MetricDataResults>
                        """)));

        AlarmSeries series = metrics.series("demo-app-success-rate", FROM, TO).orElseThrow();

        assertThat(series.points()).extracting(AlarmSeries.Point::value).containsExactly(99.9, 98.0);
        assertThat(server.findAll(CLOUDWATCH_QUERY.requestsOf("GetMetricData"))).hasSize(2);
    }

    @Test
    void noSeriesForAnAlarmThatDoesNotExist() {
        server.stubFor(CLOUDWATCH_QUERY
                .stubFor("DescribeAlarms")
                .willReturn(CLOUDWATCH_QUERY.ok("DescribeAlarms", "<MetricAlarms/><CompositeAlarms/>")));

        assertThat(metrics.series("no-such-alarm", FROM, TO)).isEmpty();
        assertThat(server.findAll(CLOUDWATCH_QUERY.requestsOf("GetMetricData"))).isEmpty();
    }

    static Stream<String> operations() {
        return Stream.of("DescribeAlarms", "GetMetricData");
    }

    @Override
    protected AwsOperation operation(String name) {
        List<AwsOperation> all = List.of(
                op("DescribeAlarms", ALARMS, "InvalidNextToken", () -> alarms.read(List.of("demo-app-success-rate"))),
                op(
                        "GetMetricData",
                        METRIC_DATA,
                        "InvalidParameterValue",
                        () -> metrics.series("demo-app-success-rate", FROM, TO)));
        faults.stubSuccess(all);
        return all.stream().filter(op -> op.name().equals(name)).findFirst().orElseThrow();
    }

    private static AwsOperation op(String name, String body, String rejection, Runnable invoke) {
        return new AwsOperation(CLOUDWATCH_QUERY, AwsService.CLOUDWATCH, name, body, rejection, invoke);
    }

    private static Map<String, String> metricStatQuery(int member, String id, String metricName) {
        String prefix = "MetricDataQueries.member." + member + ".";
        return Map.of(
                prefix + "Id",
                id,
                prefix + "MetricStat.Metric.Namespace",
                "AWS/ApplicationELB",
                prefix + "MetricStat.Metric.MetricName",
                metricName,
                prefix + "MetricStat.Metric.Dimensions.member.1.Name",
                "LoadBalancer",
                prefix + "MetricStat.Metric.Dimensions.member.1.Value",
                "app/ecs-canary/50dc6c495c0c9188",
                prefix + "MetricStat.Period",
                "60",
                prefix + "MetricStat.Stat",
                "Sum",
                prefix + "ReturnData",
                "false");
    }
}

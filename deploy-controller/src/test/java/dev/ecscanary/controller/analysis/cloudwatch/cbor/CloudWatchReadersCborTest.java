package dev.ecscanary.controller.analysis.cloudwatch.cbor;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.analysis.cloudwatch.CloudWatchAlarmReader;
import dev.ecscanary.controller.analysis.cloudwatch.CloudWatchMetricReader;
import dev.ecscanary.controller.aws.AwsCallGuard;
import dev.ecscanary.controller.aws.AwsProperties;
import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import tools.jackson.databind.JsonNode;

/**
 * The CloudWatch adapter on Smithy RPC v2 CBOR, the format SDK 2.40.7 and later speak: the scenarios of
 * {@code CloudWatchReadersTest} (AWS Query), with requests decoded from CBOR and asserted on and answers in CBOR
 * with tag-1 timestamps. It runs where the SDK on the classpath speaks CBOR: in aws-conformance (the adapter's
 * source compiled against SDK 2.59.1) today, here too once the controller's SDK version moves.
 */
@EnabledIf("dev.ecscanary.controller.analysis.cloudwatch.cbor.CloudWatchWireFormat#sdkSpeaksCbor")
class CloudWatchReadersCborTest {

    private static final Instant FROM = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T10:30:00Z");
    private static final Instant ALARMED_AT = Instant.parse("2026-11-23T10:05:00.120Z");
    private static final String SUCCESS_RATE = "demo-app-success-rate";
    private static final Map<String, Object> LB =
            Map.of("Name", "LoadBalancer", "Value", "app/ecs-canary/50dc6c495c0c9188");

    private static WireMockServer server;
    private CloudWatchClient client;
    private CloudWatchAlarmReader alarms;
    private CloudWatchMetricReader metrics;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void connect() {
        server.resetAll();
        client = CloudWatchClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .build();
        AwsCallGuard guard = new AwsCallGuard(
                new AwsProperties.CircuitBreakerSettings(50, 20, 20, Duration.ofMinutes(1), 1),
                new SimpleMeterRegistry());
        alarms = new CloudWatchAlarmReader(client, guard);
        metrics = new CloudWatchMetricReader(client, guard);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void readsMetricAndCompositeAlarmsInOneCborCallAndReportsUnknownNamesAsMissing() {
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .willReturn(CborWire.ok(Map.of(
                        "MetricAlarms", List.of(successRateAlarm()), "CompositeAlarms", List.of(releaseGate())))));

        Map<String, AlarmReading> readings = alarms.read(List.of(SUCCESS_RATE, "release-gate", "no-such-alarm"));

        List<LoggedRequest> requests = server.findAll(CborWire.requestsOf("DescribeAlarms"));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().getHeader("Content-Type")).isEqualTo("application/cbor");
        JsonNode input = CborWire.decode(requests.getFirst().getBody());
        assertThat(input.get("AlarmNames").valueStream().map(JsonNode::asString))
                .containsExactly(SUCCESS_RATE, "release-gate", "no-such-alarm");
        assertThat(input.get("AlarmTypes").valueStream().map(JsonNode::asString))
                .containsExactly("MetricAlarm", "CompositeAlarm");
        assertThat(input.get("MaxRecords").isIntegralNumber()).isTrue();
        assertThat(input.get("MaxRecords").intValue()).isEqualTo(100);
        assertThat(readings.get(SUCCESS_RATE).state()).isEqualTo(AlarmState.ALARM);
        assertThat(readings.get(SUCCESS_RATE).stateUpdatedAt()).isEqualTo(ALARMED_AT);
        assertThat(readings.get(SUCCESS_RATE).reason()).startsWith("Threshold Crossed");
        assertThat(readings.get("release-gate").state()).isEqualTo(AlarmState.OK);
        assertThat(readings.get("no-such-alarm")).isEqualTo(AlarmReading.missing("no-such-alarm"));
    }

    @Test
    void twoHundredDistinctNamesTakeTwoCallsOfAHundredNames() {
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .willReturn(CborWire.ok(Map.of("MetricAlarms", List.of(), "CompositeAlarms", List.of()))));
        List<String> names =
                IntStream.rangeClosed(1, 200).mapToObj(i -> "alarm-" + i).toList();

        Map<String, AlarmReading> readings = alarms.read(names);

        List<JsonNode> calls = server.findAll(CborWire.requestsOf("DescribeAlarms")).stream()
                .map(request -> CborWire.decode(request.getBody()))
                .toList();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("AlarmNames").size()).isEqualTo(100);
        assertThat(calls.get(1).get("AlarmNames").get(0).asString()).isEqualTo("alarm-101");
        assertThat(readings.values()).hasSize(200).allMatch(reading -> reading.state() == AlarmState.MISSING);
    }

    @Test
    void followsNextTokenWithTheSameNames() {
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .inScenario("pages")
                .whenScenarioStateIs(STARTED)
                .willReturn(CborWire.ok(Map.of(
                        "MetricAlarms", List.of(), "CompositeAlarms", List.of(releaseGate()), "NextToken", "page-2")))
                .willSetStateTo("second"));
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(CborWire.ok(Map.of("MetricAlarms", List.of(successRateAlarm())))));

        Map<String, AlarmReading> readings = alarms.read(List.of(SUCCESS_RATE, "release-gate"));

        assertThat(readings.get(SUCCESS_RATE).state()).isEqualTo(AlarmState.ALARM);
        assertThat(readings.get("release-gate").state()).isEqualTo(AlarmState.OK);
        List<LoggedRequest> requests = server.findAll(CborWire.requestsOf("DescribeAlarms"));
        JsonNode second = CborWire.decode(requests.get(1).getBody());
        assertThat(second.get("NextToken").asString()).isEqualTo("page-2");
        assertThat(second.get("AlarmNames").get(1).asString()).isEqualTo("release-gate");
    }

    @Test
    void seriesOfAMetricMathAlarmSendsTheAlarmsQueriesWithTagOneTimestamps() {
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .willReturn(CborWire.ok(Map.of("MetricAlarms", List.of(successRateAlarm())))));
        server.stubFor(CborWire.stubFor("GetMetricData")
                .willReturn(CborWire.ok(Map.of(
                        "MetricDataResults",
                        List.of(Map.of(
                                "Id", "successRate",
                                "Label", "Success rate (%)",
                                "Timestamps", List.of(FROM, FROM.plusSeconds(60)),
                                "Values", List.of(100.0, 97.25),
                                "StatusCode", "Complete"))))));

        AlarmSeries series = metrics.series(SUCCESS_RATE, FROM, TO).orElseThrow();

        assertThat(series)
                .isEqualTo(new AlarmSeries(
                        SUCCESS_RATE,
                        "Success rate (%)",
                        99.5,
                        "LessThanThreshold",
                        null,
                        List.of(
                                new AlarmSeries.Point(FROM, 100.0),
                                new AlarmSeries.Point(FROM.plusSeconds(60), 97.25))));
        byte[] body =
                server.findAll(CborWire.requestsOf("GetMetricData")).getFirst().getBody();
        JsonNode input = CborWire.decode(body);
        assertThat(CborWire.tagOf(body, "StartTime")).isEqualTo(1);
        assertThat(CborWire.tagOf(body, "EndTime")).isEqualTo(1);
        assertThat(input.get("StartTime").asDouble()).isEqualTo(FROM.getEpochSecond());
        assertThat(input.get("EndTime").asDouble()).isEqualTo(TO.getEpochSecond());
        assertThat(input.get("ScanBy").asString()).isEqualTo("TimestampAscending");
        JsonNode queries = input.get("MetricDataQueries");
        assertThat(queries.valueStream().map(q -> q.get("Id").asString()))
                .containsExactly("errors", "requests", "successRate");
        assertThat(queries.get(0).at("/MetricStat/Metric/MetricName").asString())
                .isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(queries.get(0).at("/MetricStat/Period").intValue()).isEqualTo(60);
        assertThat(queries.get(0).get("ReturnData").booleanValue()).isFalse();
        assertThat(queries.get(2).get("Expression").asString()).isEqualTo("100*(1-errors/requests)");
    }

    @Test
    void aQueryCompatibleErrorArrivesWithItsQueryCode() {
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .willReturn(CborWire.error(400, "InvalidNextToken", "InvalidNextToken")));

        assertThatThrownBy(() -> alarms.read(List.of(SUCCESS_RATE)))
                .isInstanceOfSatisfying(
                        AwsRequestRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidNextToken"));
    }

    @Test
    void persistentServerErrorsMakeCloudWatchUnavailableAfterTheSdksRetries() {
        server.stubFor(CborWire.stubFor("GetMetricData")
                .willReturn(CborWire.error(500, "InternalServiceFault", "InternalServiceError")));
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .willReturn(CborWire.ok(Map.of("MetricAlarms", List.of(successRateAlarm())))));

        assertThatThrownBy(() -> metrics.series(SUCCESS_RATE, FROM, TO))
                .isInstanceOfSatisfying(
                        AwsUnavailableException.class,
                        e -> assertThat(e.operation()).isEqualTo("GetMetricData"));
        assertThat(server.findAll(CborWire.requestsOf("GetMetricData"))).hasSizeGreaterThan(1);
    }

    @Test
    void throttlingIsRetriedByTheSdkAndTheReadSucceeds() {
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .inScenario("throttled")
                .whenScenarioStateIs(STARTED)
                .willReturn(CborWire.error(400, "ThrottlingException", "Throttling"))
                .willSetStateTo("calm"));
        server.stubFor(CborWire.stubFor("DescribeAlarms")
                .inScenario("throttled")
                .whenScenarioStateIs("calm")
                .willReturn(CborWire.ok(Map.of("MetricAlarms", List.of(successRateAlarm())))));

        assertThat(alarms.read(List.of(SUCCESS_RATE)).get(SUCCESS_RATE).state()).isEqualTo(AlarmState.ALARM);
        assertThat(server.findAll(CborWire.requestsOf("DescribeAlarms"))).hasSize(2);
    }

    private static Map<String, Object> successRateAlarm() {
        return Map.ofEntries(
                Map.entry("AlarmName", SUCCESS_RATE),
                Map.entry("AlarmArn", "arn:aws:cloudwatch:eu-central-1:123456789012:alarm:" + SUCCESS_RATE),
                Map.entry("StateValue", "ALARM"),
                Map.entry(
                        "StateReason",
                        "Threshold Crossed: 2 out of the last 2 datapoints were less than the threshold (99.5)."),
                Map.entry("StateUpdatedTimestamp", ALARMED_AT),
                Map.entry("EvaluationPeriods", 2),
                Map.entry("Threshold", 99.5),
                Map.entry("ComparisonOperator", "LessThanThreshold"),
                Map.entry(
                        "Metrics",
                        List.of(
                                metricStat("errors", "HTTPCode_Target_5XX_Count"),
                                metricStat("requests", "RequestCount"),
                                Map.of(
                                        "Id", "successRate",
                                        "Expression", "100*(1-errors/requests)",
                                        "Label", "Success rate (%)",
                                        "ReturnData", true))));
    }

    private static Map<String, Object> metricStat(String id, String metricName) {
        return Map.of(
                "Id",
                id,
                "MetricStat",
                Map.of(
                        "Metric",
                        Map.of("Namespace", "AWS/ApplicationELB", "MetricName", metricName, "Dimensions", List.of(LB)),
                        "Period",
                        60,
                        "Stat",
                        "Sum"),
                "ReturnData",
                false);
    }

    private static Map<String, Object> releaseGate() {
        return Map.of(
                "AlarmName", "release-gate",
                "AlarmRule", "ALARM(\"demo-app-success-rate\") OR ALARM(\"demo-app-latency\")",
                "StateValue", "OK",
                "StateReason", "No child alarm in ALARM",
                "StateUpdatedTimestamp", Instant.parse("2026-11-23T09:00:00Z"));
    }
}

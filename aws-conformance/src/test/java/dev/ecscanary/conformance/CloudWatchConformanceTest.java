package dev.ecscanary.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * CloudWatch as the current SDK speaks it: Smithy RPC v2 CBOR (SDK 2.40.7 and later), with query-compatible
 * error codes. Every operation the controller calls, an AWS validation error, and throttling.
 */
class CloudWatchConformanceTest {

    private static final String ALARM = "demo-app-success-rate";

    private static LocalAwsUnderTest local;
    private static SdkClients sdk;

    @BeforeAll
    static void start() throws Exception {
        local = LocalAwsUnderTest.start();
        sdk = new SdkClients(local.endpoint);
    }

    @AfterAll
    static void stop() {
        sdk.close();
        local.close();
    }

    @Test
    void describeAlarmsTravelsAsCborAndCarriesTheMetricMathAlarm() {
        MetricAlarm alarm = sdk.cloudWatch
                .describeAlarms(r -> r.alarmNames(ALARM))
                .metricAlarms()
                .getFirst();

        SdkHttpRequest request = sdk.last();
        assertThat(request.encodedPath()).isEqualTo("/service/GraniteServiceVersion20100801/operation/DescribeAlarms");
        assertThat(request.firstMatchingHeader("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(alarm.alarmName()).isEqualTo(ALARM);
        assertThat(alarm.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        assertThat(alarm.threshold()).isEqualTo(99.5);
        assertThat(alarm.evaluationPeriods()).isEqualTo(2);
        assertThat(alarm.metrics())
                .filteredOn(MetricDataQuery::returnData)
                .singleElement()
                .satisfies(q -> assertThat(q.expression()).isEqualTo("100 * (1 - FILL(errors, 0) / requests)"));
        assertThat(alarm.metrics())
                .filteredOn(q -> q.metricStat() != null)
                .extracting(q -> q.metricStat().period())
                .containsOnly(60);
        assertThat(alarm.stateValue()).isNotNull();
        assertThat(alarm.stateUpdatedTimestamp()).isBetween(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now());
    }

    @Test
    void getMetricDataAnswersTheCountedRequestsWithTimestamps() throws Exception {
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 20; i++) {
                client.send(
                        HttpRequest.newBuilder(URI.create(local.aws.productionUrl() + "/api/tasks"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        Dimension lb = Dimension.builder()
                .name("LoadBalancer")
                .value(local.aws.loadBalancer().dimension())
                .build();

        List<MetricDataResult> results = sdk.cloudWatch
                .getMetricData(r -> r.startTime(start)
                        .endTime(Instant.now().plusSeconds(5))
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                        .metricDataQueries(q -> q.id("requests")
                                .returnData(true)
                                .metricStat(s -> s.period(60)
                                        .stat("Sum")
                                        .metric(m -> m.namespace("AWS/ApplicationELB")
                                                .metricName("RequestCount")
                                                .dimensions(lb)))))
                .metricDataResults();

        assertThat(sdk.last().encodedPath()).endsWith("/operation/GetMetricData");
        MetricDataResult requests = results.getFirst();
        assertThat(requests.id()).isEqualTo("requests");
        assertThat(requests.values().stream().mapToDouble(Double::doubleValue).sum())
                .isGreaterThanOrEqualTo(20);
        assertThat(requests.timestamps())
                .hasSameSizeAs(requests.values())
                .isSorted()
                .allSatisfy(t -> assertThat(t).isAfter(start.minus(2, ChronoUnit.MINUTES)));
    }

    @Test
    void moreThanAHundredAlarmNamesIsAValidationError() {
        List<String> names = Collections.nCopies(101, ALARM);

        assertThatThrownBy(() -> sdk.cloudWatch.describeAlarms(r -> r.alarmNames(names)))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    @Test
    void aForeignNextTokenIsTheModeledInvalidNextTokenException() {
        assertThatThrownBy(() -> sdk.cloudWatch.describeAlarms(r -> r.nextToken("garbage")))
                .isInstanceOfSatisfying(
                        InvalidNextTokenException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
    }

    @Test
    void injectedThrottlingArrivesAsAThrottlingError() {
        local.throttle("GetMetricData", 1);

        assertThatThrownBy(() -> sdk.cloudWatch.getMetricData(
                        r -> r.startTime(Instant.now().minusSeconds(120))
                                .endTime(Instant.now())
                                .metricDataQueries(q -> q.id("one").expression("1"))))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                    assertThat(e.isThrottlingException()).isTrue();
                });
    }
}

package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.support.LocalAwsFixture;
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
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** CloudWatch (awsQuery at SDK 2.40.2) through the real SDK client: the alarm and the ALB metrics. */
class CloudWatchApiTest {

    private static LocalAwsFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = LocalAwsFixture.start(60, false);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void theSuccessRateAlarmIsAMetricMathAlarmAsTerraformDefinesIt() {
        MetricAlarm alarm = fixture.cloudWatch
                .describeAlarms(r -> r.alarmNames("demo-app-success-rate"))
                .metricAlarms()
                .getFirst();

        assertThat(alarm.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        assertThat(alarm.threshold()).isEqualTo(99.5);
        assertThat(alarm.evaluationPeriods()).isEqualTo(2);
        assertThat(alarm.datapointsToAlarm()).isEqualTo(2);
        assertThat(alarm.treatMissingData()).isEqualTo("notBreaching");
        assertThat(alarm.metrics())
                .filteredOn(MetricDataQuery::returnData)
                .singleElement()
                .satisfies(q -> assertThat(q.expression()).isEqualTo("100 * (1 - FILL(errors, 0) / requests)"));
        assertThat(alarm.metrics())
                .filteredOn(q -> q.metricStat() != null)
                .extracting(q -> q.metricStat().metric().metricName())
                .containsExactlyInAnyOrder("RequestCount", "HTTPCode_Target_5XX_Count");
        assertThat(alarm.stateValue()).isNotNull();
        assertThat(alarm.stateUpdatedTimestamp()).isNotNull();
        assertThat(alarm.stateTransitionedTimestamp()).isNotNull();
    }

    @Test
    void moreThanAHundredAlarmNamesIsAValidationError() {
        List<String> names = Collections.nCopies(101, "demo-app-success-rate");

        assertThatThrownBy(() -> fixture.cloudWatch.describeAlarms(r -> r.alarmNames(names)))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    @Test
    void aForeignNextTokenIsInvalidNextToken() {
        assertThatThrownBy(() -> fixture.cloudWatch.describeAlarms(r -> r.nextToken("garbage")))
                .isInstanceOfSatisfying(
                        CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
    }

    @Test
    void stateValueFiltersAlarms() {
        String state = fixture.aws.alarmState().orElseThrow();
        StateValue other = "ALARM".equals(state) ? StateValue.OK : StateValue.ALARM;

        assertThat(fixture.cloudWatch.describeAlarms(r -> r.stateValue(other)).metricAlarms())
                .isEmpty();
        assertThat(fixture.cloudWatch.describeAlarms(r -> r.stateValue(state)).metricAlarms())
                .hasSize(1);
    }

    @Test
    void getMetricDataAnswersFromTheRequestsTheProxyCounted() throws Exception {
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 30; i++) {
                client.send(
                        HttpRequest.newBuilder(URI.create(fixture.aws.productionUrl() + "/api/tasks"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        Dimension lb = Dimension.builder()
                .name("LoadBalancer")
                .value(fixture.aws.loadBalancer().dimension())
                .build();
        List<MetricDataResult> results = fixture.cloudWatch
                .getMetricData(r -> r.startTime(start)
                        .endTime(Instant.now().plusSeconds(5))
                        .metricDataQueries(
                                q -> q.id("requests")
                                        .returnData(true)
                                        .metricStat(s -> s.period(60)
                                                .stat("Sum")
                                                .metric(m -> m.namespace("AWS/ApplicationELB")
                                                        .metricName("RequestCount")
                                                        .dimensions(lb))),
                                q -> q.id("errors")
                                        .returnData(false)
                                        .metricStat(s -> s.period(60)
                                                .stat("Sum")
                                                .metric(m -> m.namespace("AWS/ApplicationELB")
                                                        .metricName("HTTPCode_Target_5XX_Count")
                                                        .dimensions(lb))),
                                q -> q.id("rate").expression("100 * (1 - FILL(errors, 0) / requests)")))
                .metricDataResults();

        MetricDataResult requests = results.stream()
                .filter(r -> r.id().equals("requests"))
                .findFirst()
                .orElseThrow();
        MetricDataResult rate =
                results.stream().filter(r -> r.id().equals("rate")).findFirst().orElseThrow();
        assertThat(requests.values().stream().mapToDouble(Double::doubleValue).sum())
                .isGreaterThanOrEqualTo(30);
        assertThat(requests.timestamps()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(rate.values()).isNotEmpty().allSatisfy(v -> assertThat(v).isEqualTo(100.0));
        assertThat(results).extracting(MetricDataResult::id).doesNotContain("errors");
    }

    @Test
    void targetResponseTimeIsPublishedPerTargetGroupWithPercentiles() throws Exception {
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 40; i++) {
                client.send(
                        HttpRequest.newBuilder(URI.create(fixture.aws.productionUrl() + "/api/tasks"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        String serving = fixture.aws.loadBalancer().productionTargetGroup().dimension();
        List<Dimension> group = List.of(
                Dimension.builder()
                        .name("LoadBalancer")
                        .value(fixture.aws.loadBalancer().dimension())
                        .build(),
                Dimension.builder().name("TargetGroup").value(serving).build());
        List<MetricDataResult> results = fixture.cloudWatch
                .getMetricData(r -> r.startTime(start)
                        .endTime(Instant.now().plusSeconds(5))
                        .metricDataQueries(
                                q -> q.id("p50")
                                        .metricStat(s -> s.period(60)
                                                .stat("p50")
                                                .metric(m -> m.namespace("AWS/ApplicationELB")
                                                        .metricName("TargetResponseTime")
                                                        .dimensions(group))),
                                q -> q.id("p99")
                                        .metricStat(s -> s.period(60)
                                                .stat("p99")
                                                .metric(m -> m.namespace("AWS/ApplicationELB")
                                                        .metricName("TargetResponseTime")
                                                        .dimensions(group))),
                                q -> q.id("requests")
                                        .metricStat(s -> s.period(60)
                                                .stat("SampleCount")
                                                .metric(m -> m.namespace("AWS/ApplicationELB")
                                                        .metricName("TargetResponseTime")
                                                        .dimensions(group)))))
                .metricDataResults();

        double p50 = only(results, "p50");
        double p99 = only(results, "p99");
        assertThat(p50).as("seconds, as ALB reports them").isGreaterThan(0).isLessThan(5);
        assertThat(p99).isGreaterThanOrEqualTo(p50);
        assertThat(results.stream().filter(r -> r.id().equals("requests")).findFirst().orElseThrow().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isGreaterThanOrEqualTo(40);
    }

    /** The newest value of one query's answer (the requests may straddle a minute: the newest holds the latest). */
    private static double only(List<MetricDataResult> results, String id) {
        List<Double> values = results.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow()
                .values();
        assertThat(values).as(id).isNotEmpty();
        return values.getFirst();
    }

    @Test
    void anIdStartingWithAnUppercaseLetterIsRejected() {
        assertThatThrownBy(() -> fixture.cloudWatch.getMetricData(
                        r -> r.startTime(Instant.now().minusSeconds(60))
                                .endTime(Instant.now())
                                .metricDataQueries(q -> q.id("Bad").expression("1"))))
                .isInstanceOfSatisfying(
                        CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }
}

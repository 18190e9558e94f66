package dev.ecscanary.localaws.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Query parameters become the same input tree JSON and CBOR give, and Input reads it the same way. */
class QueryFormTest {

    @Test
    void membersBecomeListsAndDottedNamesStructures() {
        Input input = new Input(new QueryForm("Action=GetMetricData&Version=2010-08-01"
                        + "&MetricDataQueries.member.2.Id=b&MetricDataQueries.member.1.Id=a"
                        + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=LoadBalancer"
                        + "&MetricDataQueries.member.1.MetricStat.Period=60&MetricDataQueries.member.1.ReturnData=false"
                        + "&StartTime=2026-11-23T10%3A00%3A00Z&AlarmNames=")
                .tree());

        assertThat(input.has("Action")).isFalse();
        assertThat(input.structures("MetricDataQueries"))
                .extracting(q -> q.text("Id"))
                .containsExactly("a", "b");
        Input first = input.structures("MetricDataQueries").getFirst();
        assertThat(first.structure("MetricStat").integer("Period")).isEqualTo(60);
        assertThat(first.bool("ReturnData", true)).isFalse();
        assertThat(first.structure("MetricStat").structure("Metric").structures("Dimensions"))
                .extracting(d -> d.text("Name"))
                .containsExactly("LoadBalancer");
        assertThat(input.instant("StartTime")).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(input.strings("AlarmNames")).isEmpty();
    }

    @Test
    void aNonNumberWhereANumberBelongsIsAValidationError() {
        Input input = new Input(new QueryForm("MaxRecords=lots").tree());

        assertThatThrownBy(() -> input.integer("MaxRecords"))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
    }

    @Test
    void anOperationDeclaredTwiceIsRefused() {
        Operations.Builder builder = Operations.builder().add("DescribeAlarms", in -> null);

        assertThatThrownBy(() -> builder.add("DescribeAlarms", in -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DescribeAlarms");
    }
}

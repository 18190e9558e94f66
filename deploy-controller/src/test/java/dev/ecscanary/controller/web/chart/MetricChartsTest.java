package dev.ecscanary.controller.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmSeries.Point;
import dev.ecscanary.controller.analysis.MetricReader;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.fakes.MutableClock;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.web.Format;
import dev.ecscanary.controller.web.StatusPageFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the chart asks CloudWatch for and what it draws of the answer: GetMetricData from the longest lead-in (a
 * StartTime always before the EndTime), and of that only the baseline the release's span calls for.
 */
class MetricChartsTest {

    final MutableClock clock = new MutableClock();
    final List<Instant[]> reads = new ArrayList<>();

    @Test
    void aCompressedRehearsalReleaseIsReadFromFiveMinutesBackButDrawnWithThirtySecondsOfBaseline() {
        Instant created = clock.instant();
        Deployment release = Deployment.accept(request(), InconclusivePolicy.ROLL_BACK, created);
        clock.advance(Duration.ofSeconds(90));
        MetricCharts charts = new MetricCharts(datapointsEvery(Duration.ofSeconds(6)), clock);

        MetricCharts.ChartView chart = charts.chart(release, "demo-app-success-rate");

        assertThat(reads).singleElement().satisfies(window -> {
            assertThat(window[0]).as("StartTime").isEqualTo(created.minus(ChartWindow.MAX_LEAD_IN));
            assertThat(window[1]).as("EndTime").isEqualTo(clock.instant());
        });
        assertThat(chart.points())
                .first()
                .extracting(MetricCharts.PointRow::time)
                .isEqualTo(Format.time(created.minusSeconds(30)));
        assertThat(chart.drawing().markers())
                .first()
                .as("the release's start a quarter into the plot")
                .satisfies(start -> {
                    assertThat(start.kind()).isEqualTo("start");
                    assertThat(start.line().x1())
                            .isEqualTo(ChartDrawing.coordinate(
                                    ChartScale.LEFT + (ChartScale.PLOT_RIGHT - ChartScale.LEFT) / 4.0));
                });
        assertThat(chart.summary()).startsWith("21 datapoints from 09:59:30 to 10:01:30 UTC");
    }

    @Test
    void aReleaseJustCreatedIsReadOverFiveMinutesAndShowsTwoMinutesOfAwsBaseline() {
        Deployment release = Deployment.accept(request(), InconclusivePolicy.ROLL_BACK, clock.instant());
        MetricCharts charts = new MetricCharts(datapointsEvery(Duration.ofMinutes(1)), clock);

        MetricCharts.ChartView chart = charts.chart(release, "demo-app-success-rate");

        assertThat(reads.getFirst()[0]).isBefore(reads.getFirst()[1]);
        assertThat(chart.points())
                .extracting(MetricCharts.PointRow::time)
                .containsExactly("09:58:00", "09:59:00", "10:00:00");
    }

    @Test
    void aMetricLabelOrAlarmNameWithMarkupInItIsDrawnAsTextNotAsMarkup() throws Exception {
        String label = "p99 <script>alert(1)</script> & \"tail\" 'ms'";
        String alarm = "a<b>&\"c\"";
        Deployment release = Deployment.accept(request(), InconclusivePolicy.ROLL_BACK, clock.instant());
        MetricReader cloudWatch = (name, from, to) -> Optional.of(new AlarmSeries(
                name, label, 500, "GreaterThanThreshold", 60, List.of(new Point(from.plusSeconds(60), 120))));

        MetricCharts.ChartView chart = new MetricCharts(cloudWatch, clock).chart(release, alarm);
        String svg = ChartTemplate.render(chart.drawing());

        assertThat(svg)
                .doesNotContain("<script>", "<b>", "\"tail\"", "\"c\"")
                .contains("p99 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tail&quot; &#39;ms&#39; of alarm "
                        + "a&lt;b&gt;&amp;&quot;c&quot;");
        var title = ChartTemplate.parse(svg).getElementsByTagName("title").item(0);
        assertThat(title.getTextContent()).as("what a screen reader reads").isEqualTo(label + " of alarm " + alarm);
    }

    /** A CloudWatch of one success-rate alarm with a datapoint every {@code period} over whatever window is asked. */
    private MetricReader datapointsEvery(Duration period) {
        return (alarm, from, to) -> {
            reads.add(new Instant[] {from, to});
            List<Point> points = new ArrayList<>();
            for (Instant t = from; !t.isAfter(to); t = t.plus(period)) {
                points.add(new Point(t, 99.9));
            }
            return Optional.of(new AlarmSeries(alarm, "Success rate (%)", 99.5, "LessThanThreshold", null, points));
        };
    }

    private static ReleaseRequest request() {
        return new ReleaseRequest(
                "demo-app",
                ImageReference.parse(StatusPageFixture.REPOSITORY + ":2.0.0"),
                "production",
                null,
                null,
                null,
                "ci");
    }
}

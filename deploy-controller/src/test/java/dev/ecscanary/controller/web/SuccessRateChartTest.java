package dev.ecscanary.controller.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmSeries.Point;
import dev.ecscanary.controller.web.SuccessRateChart.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart's SVG, pinned by golden files for releases on CodeDeploy's real clock (a step a minute), so that a change
 * of its code shows as a change of its drawing. Set {@code -Dgolden.update=true} to rewrite them after a deliberate
 * change of the drawing.
 */
class SuccessRateChartTest {

    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aReleaseRolledBackByItsAlarmInTheThirdStep() throws IOException {
        List<Point> points = new ArrayList<>();
        for (int m = -5; m < 12; m++) {
            double value = m == 3 || m == 4 ? 97.21 + m * 0.01 : 99.9 + (Math.floorMod(m, 3)) * 0.02;
            points.add(new Point(START.plus(Duration.ofMinutes(m)).plusSeconds(30), value));
        }
        List<Marker> markers = List.of(new Marker(START, "start", "start"),
                new Marker(START.plusSeconds(62), "10%", "phase"), new Marker(START.plusSeconds(122), "20%", "phase"),
                new Marker(START.plusSeconds(182), "30%", "phase"),
                new Marker(START.plusSeconds(302).plusMillis(300), "stopped", "stop"));

        String svg = chart(percentAlarm(points), START.minus(MetricCharts.LEAD_IN), START.plusSeconds(720))
                .svg(markers, "Success rate (%) of alarm demo-app-success-rate", "17 datapoints; 2 breaching.");

        assertMatchesGolden("chart-rolled-back.svg", svg);
    }

    @Test
    void aLatencyAlarmAboveItsThresholdWithoutPercentages() throws IOException {
        List<Point> points = new ArrayList<>();
        for (int m = -5; m < 6; m++) {
            points.add(new Point(START.plus(Duration.ofMinutes(m)), m < 4 ? 180 + m * 7 : 640 + m));
        }
        AlarmSeries latency = new AlarmSeries("demo-app-latency", "p99 latency (ms)", 500, "GreaterThanThreshold", 60,
                points);
        List<Marker> markers = List.of(new Marker(START, "start", "start"),
                new Marker(START.plusSeconds(60), "10%", "phase"), new Marker(START.plusSeconds(120), "20%", "phase"));

        String svg = chart(latency, START.minus(MetricCharts.LEAD_IN), START.plusSeconds(330))
                .svg(markers, "p99 latency (ms) of alarm demo-app-latency", "<b>11 datapoints</b> & more");

        assertMatchesGolden("chart-latency.svg", svg);
    }

    @Test
    void aReleaseJustAcceptedWithNoDatapointsYet() throws IOException {
        String svg = chart(percentAlarm(List.of()), START, START)
                .svg(List.of(new Marker(START, "start", "start")), "Success rate (%)", "No datapoints yet.");

        assertMatchesGolden("chart-empty.svg", svg);
    }

    static AlarmSeries percentAlarm(List<Point> points) {
        return new AlarmSeries("demo-app-success-rate", "Success rate (%)", 99.5, "LessThanThreshold", 60, points);
    }

    static SuccessRateChart chart(AlarmSeries series, Instant from, Instant to) {
        return new SuccessRateChart(series, from, to);
    }

    private static void assertMatchesGolden(String name, String svg) throws IOException {
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, svg, StandardCharsets.UTF_8);
        }
        assertThat(svg).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}

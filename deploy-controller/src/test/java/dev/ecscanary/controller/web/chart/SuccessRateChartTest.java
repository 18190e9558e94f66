package dev.ecscanary.controller.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.analysis.AlarmSeries.Point;
import dev.ecscanary.controller.web.chart.SuccessRateChart.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart's SVG (its geometry drawn by the page's template), pinned by golden files for releases on CodeDeploy's real clock (a step a minute), each drawn over
 * the window the page gives it ({@link ChartWindow}), so that a change of its code shows as a change of its drawing. Set {@code -Dgolden.update=true} to rewrite them after a deliberate
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
        List<Marker> markers = List.of(
                new Marker(START, "start", "start"),
                new Marker(START.plusSeconds(62), "10%", "phase"),
                new Marker(START.plusSeconds(122), "20%", "phase"),
                new Marker(START.plusSeconds(182), "30%", "phase"),
                new Marker(START.plusSeconds(302).plusMillis(300), "stopped", "stop"));

        String svg = ChartTemplate.render(chartOfRelease(percentAlarm(points), START.plusSeconds(720))
                .draw(markers, "Success rate (%) of alarm demo-app-success-rate", "16 datapoints; 2 breaching."));

        assertMatchesGolden("chart-rolled-back.svg", svg);
    }

    @Test
    void aLatencyAlarmAboveItsThresholdWithoutPercentages() throws IOException {
        List<Point> points = new ArrayList<>();
        for (int m = -5; m < 6; m++) {
            points.add(new Point(START.plus(Duration.ofMinutes(m)), m < 4 ? 180 + m * 7 : 640 + m));
        }
        AlarmSeries latency =
                new AlarmSeries("demo-app-latency", "p99 latency (ms)", 500, "GreaterThanThreshold", 60, points);
        List<Marker> markers = List.of(
                new Marker(START, "start", "start"),
                new Marker(START.plusSeconds(60), "10%", "phase"),
                new Marker(START.plusSeconds(120), "20%", "phase"));

        String svg = ChartTemplate.render(chartOfRelease(latency, START.plusSeconds(330))
                .draw(markers, "p99 latency (ms) of alarm demo-app-latency", "<b>11 datapoints</b> & more"));

        assertMatchesGolden("chart-latency.svg", svg);
    }

    @Test
    void aReleaseJustAcceptedWithNoDatapointsYet() throws IOException {
        String svg = ChartTemplate.render(chartOfRelease(percentAlarm(List.of()), START)
                .draw(List.of(new Marker(START, "start", "start")), "Success rate (%)", "No datapoints yet."));

        assertMatchesGolden("chart-empty.svg", svg);
    }

    @Test
    void aRehearsalReleaseRolledBackInItsThirdCompressedStepFillsThreeQuartersOfTheChart() throws IOException {
        // CodeDeploy minutes of 6 s: the replacement is ready after 15 s, the dip begins in the third step, the alarm
        // fires two datapoints later and the rollback is over 50 s after the release was created
        List<Marker> markers = List.of(
                new Marker(START, "start", "start"),
                new Marker(START.plusSeconds(15), "10%", "phase"),
                new Marker(START.plusSeconds(21), "20%", "phase"),
                new Marker(START.plusSeconds(27), "30%", "phase"),
                new Marker(START.plusSeconds(40).plusMillis(300), "stopped", "stop"));
        List<Point> points = new ArrayList<>();
        for (Instant t = ChartWindow.readFrom(START); t.isBefore(START.plusSeconds(50)); t = t.plusSeconds(6)) {
            boolean hurting = t.isAfter(START.plusSeconds(27)) && t.isBefore(START.plusSeconds(45));
            points.add(new Point(t, hurting ? 97.4 + (t.getEpochSecond() % 3) * 0.1 : 99.95));
        }

        String svg = ChartTemplate.render(chartOfRelease(percentAlarm(points), START.plusSeconds(50))
                .draw(markers, "Success rate (%) of alarm demo-app-success-rate", "compressed, rolled back"));

        assertMatchesGolden("chart-rehearsal-rolled-back.svg", svg);
        assertNoLabelCoversAnother(labels(svg));
    }

    @Test
    void inTheCompressedRehearsalTheStopStartStepAndThresholdLabelsCoverNoOtherLabel() {
        // one CodeDeploy minute is 6 s: the steps 6 s apart, the stop 2.3 s into the third
        List<Marker> markers = List.of(
                new Marker(START, "start", "start"),
                new Marker(START.plusSeconds(6), "10%", "phase"),
                new Marker(START.plusSeconds(12), "20%", "phase"),
                new Marker(START.plusSeconds(18), "30%", "phase"),
                new Marker(START.plusSeconds(20).plusMillis(300), "stopped", "stop"));

        String svg = ChartTemplate.render(
                chartOfRelease(percentAlarm(rehearsalPoints(START.plusSeconds(60))), START.plusSeconds(60))
                        .draw(markers, "Success rate (%)", "compressed"));

        List<Label> labels = labels(svg);
        assertThat(labels).extracting(Label::text).contains("start", "10%", "stopped", "threshold 99.50%");
        assertNoLabelCoversAnother(labels);
        Label threshold = labels.stream()
                .filter(l -> l.text().startsWith("threshold"))
                .findFirst()
                .orElseThrow();
        assertThat(markerLines(svg))
                .as("marker lines")
                .isNotEmpty()
                .allSatisfy(x -> assertThat(threshold.left() - 2 < x && x < threshold.right() + 2)
                        .as("the threshold label is clear of the marker line at x=%s", x)
                        .isFalse());
    }

    @Test
    void aCompressedReleaseStoppedAtTheRightEdgeKeepsItsStopLabelInsideTheChart() {
        List<Marker> markers = new ArrayList<>(List.of(new Marker(START, "start", "start")));
        for (int step = 1; step <= 9; step++) {
            markers.add(new Marker(START.plusSeconds(6L * step), step * 10 + "%", "phase"));
        }
        markers.add(new Marker(START.plusSeconds(57), "stopped", "stop"));

        String svg = ChartTemplate.render(
                chartOfRelease(percentAlarm(rehearsalPoints(START.plusSeconds(58))), START.plusSeconds(58))
                        .draw(markers, "Success rate (%)", "compressed, in flight"));

        List<Label> labels = labels(svg);
        assertThat(labels).extracting(Label::text).contains("start", "stopped", "threshold 99.50%");
        assertNoLabelCoversAnother(labels);
    }

    @Test
    void theTimeAxisCountsSecondsAcrossACompressedReleaseAndMinutesAcrossAnAwsOne() {
        assertThat(ChartAxes.timeStepSeconds(67))
                .as("a rehearsal release of 50 s")
                .isEqualTo(10);
        assertThat(ChartAxes.timeStepSeconds(120))
                .as("an AWS release just created")
                .isEqualTo(30);
        assertThat(ChartAxes.timeStepSeconds(450)).isEqualTo(60);
        assertThat(ChartAxes.timeStepSeconds(960))
                .as("an AWS release of 12 minutes")
                .isEqualTo(300);
    }

    /** Datapoints every 6 s (the rehearsal's compressed minute): 100% before the release, a dip below 99.5% in it. */
    private static List<Point> rehearsalPoints(Instant until) {
        List<Point> points = new ArrayList<>();
        for (Instant t = ChartWindow.readFrom(START); t.isBefore(until); t = t.plusSeconds(6)) {
            boolean hurting = t.isAfter(START.plusSeconds(12));
            points.add(new Point(t, hurting ? 98.1 + (t.getEpochSecond() % 4) * 0.1 : 100.0));
        }
        return points;
    }

    private static void assertNoLabelCoversAnother(List<Label> labels) {
        for (Label label : labels) {
            assertThat(label.left() >= 0 && label.right() <= 720 && label.top() >= 0 && label.bottom() <= 260)
                    .as("%s lies inside the chart", label)
                    .isTrue();
            for (Label other : labels) {
                if (other != label) {
                    assertThat(label.overlaps(other))
                            .as("%s overlaps %s", label, other)
                            .isFalse();
                }
            }
        }
    }

    /**
     * A text of the SVG with its box estimated from its length: 11px text, characters at most 0.65em wide, 0.8em above
     * the baseline and 0.25em below.
     */
    record Label(String css, String text, double x, double y, String anchor) {
        double width() {
            return text.length() * 0.65 * 11;
        }

        double left() {
            return anchor.equals("start") ? x : anchor.equals("end") ? x - width() : x - width() / 2;
        }

        double right() {
            return left() + width();
        }

        double top() {
            return y - 0.8 * 11;
        }

        double bottom() {
            return y + 0.25 * 11;
        }

        boolean overlaps(Label o) {
            return left() < o.right() && o.left() < right() && top() < o.bottom() && o.top() < bottom();
        }
    }

    private static List<Label> labels(String svg) {
        Matcher m = Pattern.compile("<text class=\"([^\"]*)\" x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" text-anchor=\"(\\w+)\">"
                        + "([^<]*)</text>")
                .matcher(svg);
        List<Label> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(new Label(
                    m.group(1),
                    m.group(5).replace("&amp;", "&"),
                    Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)),
                    m.group(4)));
        }
        return labels;
    }

    private static List<Double> markerLines(String svg) {
        Matcher m = Pattern.compile("<line class=\"marker [^\"]*\" x1=\"([-\\d.]+)\"")
                .matcher(svg);
        List<Double> xs = new ArrayList<>();
        while (m.find()) {
            xs.add(Double.parseDouble(m.group(1)));
        }
        return xs;
    }

    static AlarmSeries percentAlarm(List<Point> points) {
        return new AlarmSeries("demo-app-success-rate", "Success rate (%)", 99.5, "LessThanThreshold", 60, points);
    }

    /** The chart of a release created at {@link #START}, as the page draws it from the series read for it. */
    static SuccessRateChart chartOfRelease(AlarmSeries read, Instant until) {
        ChartWindow window = ChartWindow.of(START, until, read);
        return new SuccessRateChart(window.crop(read), window.from(), window.to());
    }

    /**
     * The drawing equals the golden one as XML (the same elements in the same order, with the same attributes and
     * texts), and character for character apart from the whitespace between elements: the template's line breaks and
     * indentation, which the golden files from before the template do not have.
     */
    private static void assertMatchesGolden(String name, String svg) throws IOException {
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, svg, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        assertThat(ChartTemplate.canonical(svg)).isEqualTo(ChartTemplate.canonical(expected));
        assertThat(betweenElementsRemoved(svg)).isEqualTo(betweenElementsRemoved(expected));
    }

    /** Text and attribute values are escaped, so {@code >} followed by {@code <} only ever ends and opens a tag. */
    private static String betweenElementsRemoved(String svg) {
        return svg.replaceAll(">\\s+<", "><").strip();
    }
}

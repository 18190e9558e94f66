package dev.ecscanary.controller.web.chart;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.web.Format;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out an alarm's series as a line chart on the server: the threshold as a line over the shaded breaching
 * side, the release's phase boundaries as labelled vertical markers, axes with clock times and values, and a title
 * and description for screen readers. It computes where everything goes ({@link ChartDrawing}); the markup is the
 * {@code chart.mustache} template, and styling is left to the stylesheet's classes (no inline style: the CSP forbids
 * it). {@link ChartScale} places things, {@link ChartAxes} and {@link ChartAnnotations} lay out around the series.
 */
public final class SuccessRateChart {

    /** A vertical line at {@code at}, e.g. a phase starting ("30%") or the stop ("stopped"). */
    record Marker(Instant at, String label, String kind) {}

    private final AlarmSeries series;
    private final ChartScale scale;

    SuccessRateChart(AlarmSeries series, Instant from, Instant to) {
        this.series = series;
        this.scale = new ChartScale(series, from, to);
    }

    /** Whether a value is on the alarming side of the threshold, by the alarm's comparison operator. */
    public boolean breaches(double value) {
        double t = series.threshold();
        String op = series.comparisonOperator() == null ? "" : series.comparisonOperator();
        return switch (op) {
            case "LessThanThreshold" -> value < t;
            case "LessThanOrEqualToThreshold" -> value <= t;
            case "GreaterThanThreshold" -> value > t;
            case "GreaterThanOrEqualToThreshold" -> value >= t;
            default -> false;
        };
    }

    public String threshold() {
        return value(series.threshold());
    }

    public String value(double v) {
        return scale.value(v);
    }

    /**
     * The chart with the release's {@code markers}, titled for screen readers by {@code title} and
     * {@code description}: geometry only, drawn by {@code templates/chart.mustache}.
     */
    ChartDrawing draw(List<Marker> markers, String title, String description) {
        LabelLayout layout = new LabelLayout(ChartScale.WIDTH, ChartScale.HEIGHT);
        ChartAxes.Drawn axes = new ChartAxes(scale, layout).draw();
        ChartAnnotations.Drawn annotations = new ChartAnnotations(series, scale, layout).draw(markers);
        List<String> coordinates = new ArrayList<>();
        List<ChartDrawing.Dot> dots = new ArrayList<>();
        for (AlarmSeries.Point p : series.points()) {
            String x = ChartDrawing.coordinate(scale.x(p.timestamp()));
            String y = ChartDrawing.coordinate(scale.y(p.value()));
            coordinates.add(x + "," + y);
            boolean bad = breaches(p.value());
            String tooltip = Format.time(p.timestamp()) + " UTC: " + value(p.value()) + (bad ? " (breaching)" : "");
            dots.add(new ChartDrawing.Dot(x, y, bad ? 4 : 3, bad, tooltip));
        }
        return new ChartDrawing(
                ChartScale.WIDTH,
                ChartScale.HEIGHT,
                title,
                description,
                annotations.threshold(),
                axes.gridlines(),
                axes.axis(),
                axes.timeLabels(),
                annotations.markers(),
                coordinates.isEmpty() ? null : String.join(" ", coordinates),
                dots);
    }
}

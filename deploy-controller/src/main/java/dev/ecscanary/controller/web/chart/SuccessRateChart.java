package dev.ecscanary.controller.web.chart;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.web.Format;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws an alarm's series as an SVG line chart on the server: the threshold as a line over the shaded breaching
 * side, the release's phase boundaries as labelled vertical markers, axes with clock times and values, and a title
 * and description for screen readers. Styling is left to the stylesheet's classes (no inline style: the CSP forbids it).
 * {@link ChartScale} places things, {@link ChartAxes} and {@link ChartAnnotations} draw around the series.
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

    String svg(List<Marker> markers, String titleText, String description) {
        LabelLayout layout = new LabelLayout(ChartScale.WIDTH, ChartScale.HEIGHT);
        String axes = new ChartAxes(scale, layout).draw();
        ChartAnnotations.Drawn annotations = new ChartAnnotations(series, scale, layout).draw(markers);
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(ChartScale.WIDTH)
                .append(' ')
                .append(ChartScale.HEIGHT)
                .append(
                        "\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"chart-title\">")
                .append(Svg.escape(titleText))
                .append("</title>")
                .append("<desc id=\"chart-desc\">")
                .append(Svg.escape(description))
                .append("</desc>")
                .append(annotations.threshold())
                .append(axes)
                .append(annotations.markers());
        line(s);
        s.append("</svg>");
        return s.toString();
    }

    private void line(StringBuilder s) {
        List<String> coordinates = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (AlarmSeries.Point p : series.points()) {
            String x = Svg.fmt(scale.x(p.timestamp()));
            String y = Svg.fmt(scale.y(p.value()));
            coordinates.add(x + "," + y);
            boolean bad = breaches(p.value());
            dots.append("<circle class=\"point")
                    .append(bad ? " breach" : "")
                    .append("\" cx=\"")
                    .append(x)
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"")
                    .append(bad ? 4 : 3)
                    .append("\"><title>")
                    .append(Svg.escape(
                            Format.time(p.timestamp()) + " UTC: " + value(p.value()) + (bad ? " (breaching)" : "")))
                    .append("</title></circle>");
        }
        if (!coordinates.isEmpty()) {
            s.append("<polyline class=\"series\" points=\"")
                    .append(String.join(" ", coordinates))
                    .append("\"/>");
        }
        s.append(dots);
    }
}

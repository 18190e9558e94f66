package dev.ecscanary.controller.web.chart;

import java.util.List;
import java.util.Locale;

/**
 * The success-rate chart as data: every coordinate, label and path that {@code templates/chart.mustache} draws, in
 * the order it draws them (later ones on top). Coordinates are the drawing's units, written with one decimal; texts
 * are plain text, escaped by the template like everything else on the page.
 *
 * @param threshold  the alarm's threshold over its shaded breaching side; null when the alarm has none
 * @param gridlines  the value axis, bottom to top
 * @param axis       the time axis' line along the plot's baseline
 * @param timeLabels clock times under the time axis
 * @param markers    the release's moments (start, steps, stop) as vertical lines
 * @param series     the series' line as SVG polyline points ({@code x,y x,y ...}); null without datapoints
 * @param dots       each datapoint, on top of the line
 */
public record ChartDrawing(
        int width,
        int height,
        String title,
        String description,
        Threshold threshold,
        List<Gridline> gridlines,
        Line axis,
        List<Label> timeLabels,
        List<MarkerLine> markers,
        String series,
        List<Dot> dots) {

    /** A text at {@code (x, y)}; {@code anchor} is SVG's text-anchor: start, middle or end. */
    public record Label(String text, String x, String y, String anchor) {
        static Label of(TextBox box) {
            return new Label(box.text(), coordinate(box.x()), coordinate(box.y()), box.anchor());
        }
    }

    public record Line(String x1, String x2, String y1, String y2) {}

    public record Rect(String x, String y, String width, String height) {}

    /** The threshold's line and label, and the shaded zone on its breaching side. */
    public record Threshold(Rect zone, Line line, Label label) {}

    /** A gridline of the value axis and its value. */
    public record Gridline(Line line, Label label) {}

    /**
     * A vertical line at a moment of the release; {@code kind} ({@code start}, {@code phase}, {@code stop}) is its CSS
     * class. {@code label} is null when it found no free place (the steps table lists every step).
     */
    public record MarkerLine(String kind, Line line, Label label) {}

    /** A datapoint; {@code title} is its tooltip, e.g. {@code 10:04:00 UTC: 97.25% (breaching)}. */
    public record Dot(String x, String y, int radius, boolean breach, String title) {}

    /** A coordinate as the drawing writes it: one decimal, a dot whatever the locale. */
    public static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

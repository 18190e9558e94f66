package dev.ecscanary.controller.web.chart;

import static dev.ecscanary.controller.web.chart.ChartDrawing.coordinate;
import static dev.ecscanary.controller.web.chart.ChartScale.BASELINE;
import static dev.ecscanary.controller.web.chart.ChartScale.LEFT;
import static dev.ecscanary.controller.web.chart.ChartScale.PLOT_RIGHT;
import static dev.ecscanary.controller.web.chart.ChartScale.TOP;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.web.chart.ChartDrawing.Label;
import dev.ecscanary.controller.web.chart.ChartDrawing.Line;
import dev.ecscanary.controller.web.chart.ChartDrawing.MarkerLine;
import dev.ecscanary.controller.web.chart.ChartDrawing.Rect;
import dev.ecscanary.controller.web.chart.ChartDrawing.Threshold;
import dev.ecscanary.controller.web.chart.SuccessRateChart.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the chart marks besides the series: the threshold over its shaded breaching side, and the release's moments as
 * labelled vertical lines. Labels never cover each other: the stop's and the start's label move beside their line
 * when centred would not fit; the threshold's goes to the other end or side of its line when marker lines or labels
 * are in the way; a step's label that would collide is left out (the steps table lists every step).
 */
final class ChartAnnotations {

    private static final int MARKER_LABEL_Y = TOP - 8;
    private static final int BESIDE = 4;

    private final AlarmSeries series;
    private final ChartScale scale;
    private final LabelLayout layout;

    ChartAnnotations(AlarmSeries series, ChartScale scale, LabelLayout layout) {
        this.series = series;
        this.scale = scale;
        this.layout = layout;
    }

    /**
     * The threshold (null when the alarm has none) and the markers, which the chart draws below and above its axes.
     */
    record Drawn(Threshold threshold, List<MarkerLine> markers) {}

    /** Lays out the stop's and the start's labels, then the threshold's, then the steps' in the room left. */
    Drawn draw(List<Marker> markers) {
        List<Marker> shown =
                markers.stream().filter(m -> scale.contains(m.at())).toList();
        shown.forEach(m -> layout.addLine(scale.x(m.at()), TOP, BASELINE));
        TextBox[] labels = new TextBox[shown.size()];
        List<TextBox> stepLabels = shown.stream()
                .filter(ChartAnnotations::isStep)
                .map(this::centred)
                .toList();
        placeWhere(shown, labels, ChartAnnotations::isStop, m -> besideIfNeeded(m, stepLabels));
        placeWhere(shown, labels, m -> !isStop(m) && !isStep(m), m -> besideIfNeeded(m, stepLabels));
        Threshold threshold = threshold();
        placeWhere(
                shown,
                labels,
                ChartAnnotations::isStep,
                m -> layout.place(List.of(centred(m)), List.of()).orElse(null));
        return new Drawn(threshold, markers(shown, labels));
    }

    private static void placeWhere(
            List<Marker> shown, TextBox[] labels, Predicate<Marker> which, Function<Marker, TextBox> place) {
        for (int i = 0; i < shown.size(); i++) {
            if (which.test(shown.get(i))) {
                labels[i] = place.apply(shown.get(i));
            }
        }
    }

    private Threshold threshold() {
        if (Double.isNaN(series.threshold())) {
            return null;
        }
        double y = scale.y(series.threshold());
        boolean below = series.comparisonOperator() != null
                && series.comparisonOperator().startsWith("Less");
        double top = below ? y : TOP;
        double bottom = below ? BASELINE : y;
        Rect zone = new Rect(
                coordinate(LEFT),
                coordinate(top),
                coordinate(PLOT_RIGHT - LEFT),
                coordinate(Math.max(0, bottom - top)));
        String text = "threshold " + scale.value(series.threshold());
        double clear = below ? y - 6 : y + 14;
        double breaching = below ? y + 14 : y - 6;
        TextBox label = layout.placeClearOfLines(List.of(
                new TextBox(text, PLOT_RIGHT - 4, clear, "end"),
                new TextBox(text, LEFT + 4, clear, "start"),
                new TextBox(text, PLOT_RIGHT - 4, breaching, "end"),
                new TextBox(text, LEFT + 4, breaching, "start")));
        return new Threshold(zone, ChartAxes.horizontal(coordinate(y)), Label.of(label));
    }

    private List<MarkerLine> markers(List<Marker> shown, TextBox[] labels) {
        List<MarkerLine> lines = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Marker m = shown.get(i);
            String x = coordinate(scale.x(m.at()));
            lines.add(new MarkerLine(
                    m.kind(),
                    new Line(x, x, String.valueOf(TOP), String.valueOf(BASELINE)),
                    labels[i] == null ? null : Label.of(labels[i])));
        }
        return lines;
    }

    /** The stop's label prefers the right of its line, the start's the left: away from the steps between them. */
    private TextBox besideIfNeeded(Marker m, List<TextBox> stepLabels) {
        double x = scale.x(m.at());
        TextBox right = new TextBox(m.label(), x + BESIDE, MARKER_LABEL_Y, "start");
        TextBox left = new TextBox(m.label(), x - BESIDE, MARKER_LABEL_Y, "end");
        List<TextBox> candidates = isStop(m) ? List.of(centred(m), right, left) : List.of(centred(m), left, right);
        return layout.place(candidates, stepLabels).orElse(null);
    }

    private TextBox centred(Marker m) {
        return new TextBox(m.label(), scale.x(m.at()), MARKER_LABEL_Y, "middle");
    }

    private static boolean isStep(Marker m) {
        return "phase".equals(m.kind());
    }

    private static boolean isStop(Marker m) {
        return "stop".equals(m.kind());
    }
}

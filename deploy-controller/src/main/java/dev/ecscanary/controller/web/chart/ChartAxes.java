package dev.ecscanary.controller.web.chart;

import static dev.ecscanary.controller.web.chart.ChartDrawing.coordinate;
import static dev.ecscanary.controller.web.chart.ChartScale.BASELINE;
import static dev.ecscanary.controller.web.chart.ChartScale.LEFT;
import static dev.ecscanary.controller.web.chart.ChartScale.PLOT_RIGHT;

import dev.ecscanary.controller.web.Format;
import dev.ecscanary.controller.web.chart.ChartDrawing.Gridline;
import dev.ecscanary.controller.web.chart.ChartDrawing.Label;
import dev.ecscanary.controller.web.chart.ChartDrawing.Line;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The chart's axes: gridlines with values on the left, clock times (UTC) along the bottom at a round step. */
final class ChartAxes {

    /** Round steps of clock time: seconds for a compressed rehearsal release, minutes and hours for AWS ones. */
    private static final long[] TIME_STEPS_SECONDS = {
        10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200
    };

    private final ChartScale scale;
    private final LabelLayout layout;

    ChartAxes(ChartScale scale, LabelLayout layout) {
        this.scale = scale;
        this.layout = layout;
    }

    /** The value axis' gridlines, the time axis' line along the baseline, and its clock times. */
    record Drawn(List<Gridline> gridlines, Line axis, List<Label> timeLabels) {}

    Drawn draw() {
        return new Drawn(valueAxis(), horizontal(BASELINE), timeAxis());
    }

    private List<Gridline> valueAxis() {
        List<Gridline> gridlines = new ArrayList<>();
        double step = ChartScale.niceStep((scale.high() - scale.low()) / 4);
        for (double v = scale.low(); v <= scale.high() + step / 1000; v += step) {
            double y = scale.y(v);
            Label value = label(new TextBox(scale.tick(v, step), LEFT - 6, y + 4, "end"));
            gridlines.add(new Gridline(horizontal(coordinate(y)), value));
        }
        return gridlines;
    }

    private List<Label> timeAxis() {
        List<Label> labels = new ArrayList<>();
        long stepSeconds =
                timeStepSeconds(Duration.between(scale.from(), scale.to()).toSeconds());
        long first = (scale.from().getEpochSecond() / stepSeconds + 1) * stepSeconds;
        for (long t = first; t <= scale.to().getEpochSecond(); t += stepSeconds) {
            String time = Format.time(Instant.ofEpochSecond(t));
            labels.add(label(
                    timeLabel(stepSeconds < 60 ? time : time.substring(0, 5), scale.x(Instant.ofEpochSecond(t)))));
        }
        return labels;
    }

    /** A line across the plot at {@code y}. */
    static Line horizontal(String y) {
        return new Line(String.valueOf(LEFT), String.valueOf(PLOT_RIGHT), y, y);
    }

    private static Line horizontal(int y) {
        return horizontal(String.valueOf(y));
    }

    /** A clock time centred under its tick, or ending at it where centred it would stick out of the drawing. */
    private static TextBox timeLabel(String text, double x) {
        TextBox centred = new TextBox(text, x, BASELINE + 18, "middle");
        return centred.right() <= ChartScale.WIDTH ? centred : new TextBox(text, x, BASELINE + 18, "end");
    }

    /** The roundest step that puts at most seven clock times on the axis: steps of seconds on charts under four minutes. */
    static long timeStepSeconds(long spanSeconds) {
        for (long candidate : TIME_STEPS_SECONDS) {
            if (spanSeconds / candidate <= 7) {
                return candidate;
            }
        }
        return TIME_STEPS_SECONDS[TIME_STEPS_SECONDS.length - 1];
    }

    private Label label(TextBox box) {
        layout.add(box);
        return Label.of(box);
    }
}

package dev.ecscanary.controller.web.chart;

import static dev.ecscanary.controller.web.chart.ChartScale.BASELINE;
import static dev.ecscanary.controller.web.chart.ChartScale.LEFT;
import static dev.ecscanary.controller.web.chart.ChartScale.PLOT_RIGHT;

import dev.ecscanary.controller.web.Format;
import java.time.Duration;
import java.time.Instant;

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

    String draw() {
        StringBuilder s = new StringBuilder(2048);
        valueAxis(s);
        timeAxis(s);
        return s.toString();
    }

    private void valueAxis(StringBuilder s) {
        double step = ChartScale.niceStep((scale.high() - scale.low()) / 4);
        for (double v = scale.low(); v <= scale.high() + step / 1000; v += step) {
            double y = scale.y(v);
            s.append("<line class=\"gridline\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(PLOT_RIGHT)
                    .append("\" y1=\"")
                    .append(Svg.fmt(y))
                    .append("\" y2=\"")
                    .append(Svg.fmt(y))
                    .append("\"/>");
            label(s, new TextBox(scale.tick(v, step), LEFT - 6, y + 4, "end"));
        }
    }

    private void timeAxis(StringBuilder s) {
        long stepSeconds =
                timeStepSeconds(Duration.between(scale.from(), scale.to()).toSeconds());
        long first = (scale.from().getEpochSecond() / stepSeconds + 1) * stepSeconds;
        s.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" x2=\"")
                .append(PLOT_RIGHT)
                .append("\" y1=\"")
                .append(BASELINE)
                .append("\" y2=\"")
                .append(BASELINE)
                .append("\"/>");
        for (long t = first; t <= scale.to().getEpochSecond(); t += stepSeconds) {
            String time = Format.time(Instant.ofEpochSecond(t));
            label(s, timeLabel(stepSeconds < 60 ? time : time.substring(0, 5), scale.x(Instant.ofEpochSecond(t))));
        }
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

    private void label(StringBuilder s, TextBox box) {
        layout.add(box);
        s.append(Svg.text("axis-label", box));
    }
}

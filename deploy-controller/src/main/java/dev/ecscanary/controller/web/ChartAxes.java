package dev.ecscanary.controller.web;

import static dev.ecscanary.controller.web.ChartScale.BASELINE;
import static dev.ecscanary.controller.web.ChartScale.LEFT;
import static dev.ecscanary.controller.web.ChartScale.PLOT_RIGHT;

import java.time.Duration;
import java.time.Instant;

/** The chart's axes: gridlines with values on the left, clock times (UTC) along the bottom at a round step. */
final class ChartAxes {

    private static final long[] TIME_STEPS_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 720};

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
            s.append("<line class=\"gridline\" x1=\"").append(LEFT).append("\" x2=\"").append(PLOT_RIGHT)
                    .append("\" y1=\"").append(Svg.fmt(y)).append("\" y2=\"").append(Svg.fmt(y)).append("\"/>");
            label(s, new TextBox(scale.tick(v, step), LEFT - 6, y + 4, "end"));
        }
    }

    private void timeAxis(StringBuilder s) {
        long spanMinutes = Math.max(1, Duration.between(scale.from(), scale.to()).toMinutes());
        long stepMinutes = TIME_STEPS_MINUTES[TIME_STEPS_MINUTES.length - 1];
        for (long candidate : TIME_STEPS_MINUTES) {
            if (spanMinutes / candidate <= 7) {
                stepMinutes = candidate;
                break;
            }
        }
        long stepSeconds = stepMinutes * 60;
        long first = (scale.from().getEpochSecond() / stepSeconds + 1) * stepSeconds;
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(PLOT_RIGHT)
                .append("\" y1=\"").append(BASELINE).append("\" y2=\"").append(BASELINE).append("\"/>");
        for (long t = first; t <= scale.to().getEpochSecond(); t += stepSeconds) {
            Instant at = Instant.ofEpochSecond(t);
            label(s, new TextBox(Format.time(at).substring(0, 5), scale.x(at), BASELINE + 18, "middle"));
        }
    }

    private void label(StringBuilder s, TextBox box) {
        layout.add(box);
        s.append(Svg.text("axis-label", box));
    }
}

package dev.ecscanary.controller.web.chart;

import dev.ecscanary.controller.analysis.AlarmSeries;
import dev.ecscanary.controller.web.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where things go on the success-rate chart: the drawing's size and plot margins, the time and value ranges (values
 * padded around the series and the threshold to round steps) and the mapping of both onto pixels.
 */
final class ChartScale {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 28;
    static final int BOTTOM = 34;
    /** The plot's right edge and its baseline. */
    static final int PLOT_RIGHT = WIDTH - RIGHT;

    static final int BASELINE = HEIGHT - BOTTOM;

    private final Instant from;
    private final Instant to;
    private final double low;
    private final double high;
    private final boolean percent;

    ChartScale(AlarmSeries series, Instant from, Instant to) {
        this.from = from;
        this.to = to.isAfter(from) ? to : from.plusSeconds(60);
        double lo = Double.isNaN(series.threshold()) ? Double.POSITIVE_INFINITY : series.threshold();
        double hi = Double.isNaN(series.threshold()) ? Double.NEGATIVE_INFINITY : series.threshold();
        for (AlarmSeries.Point p : series.points()) {
            lo = Math.min(lo, p.value());
            hi = Math.max(hi, p.value());
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double span = Math.max(hi - lo, 1);
        double step = niceStep(span * 1.2 / 4);
        this.low = Math.floor((lo - span * 0.1) / step) * step;
        this.high = Math.max(Math.ceil((hi + span * 0.05) / step) * step, low + step);
        this.percent = lo >= 0 && hi <= 100;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    boolean contains(Instant at) {
        return !at.isBefore(from) && !at.isAfter(to);
    }

    double x(Instant at) {
        double span = Duration.between(from, to).toMillis();
        double offset = Duration.between(from, at).toMillis();
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(1, offset / span));
    }

    double y(double v) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (1 - (v - low) / (high - low));
    }

    /** A value as the page writes it: {@code 99.50%} on a percent scale, else two decimals. */
    String value(double v) {
        return percent ? Format.percent(v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A value axis tick, with as many decimals as the step needs. */
    String tick(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        String number = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return percent ? number + "%" : number;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

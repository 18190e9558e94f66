package dev.ecscanary.controller.web;

import dev.ecscanary.controller.analysis.AlarmSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an alarm's series as an SVG line chart on the server: the threshold as a line over the shaded breaching
 * side, the release's phase boundaries as labelled vertical markers, axes with clock times and values, and a title
 * and description for screen readers. Styling is left to the stylesheet's classes (no inline style: the CSP forbids it).
 */
final class SuccessRateChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 34;
    private static final long[] TIME_STEPS_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 720};

    /** A vertical line at {@code at}, e.g. a phase starting ("30%") or the stop ("stopped"). */
    record Marker(Instant at, String label, String kind) {
    }

    private final AlarmSeries series;
    private final Instant from;
    private final Instant to;
    private final double low;
    private final double high;
    private final boolean percent;

    SuccessRateChart(AlarmSeries series, Instant from, Instant to) {
        this.series = series;
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

    /** Whether a value is on the alarming side of the threshold, by the alarm's comparison operator. */
    boolean breaches(double value) {
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

    String threshold() {
        return value(series.threshold());
    }

    String value(double v) {
        return percent ? Format.percent(v) : String.format(Locale.ROOT, "%.2f", v);
    }

    String svg(List<Marker> markers, String titleText, String description) {
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"chart-title\">").append(escape(titleText)).append("</title>")
                .append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
        thresholdZone(s);
        valueAxis(s);
        timeAxis(s);
        markers(s, markers);
        line(s);
        s.append("</svg>");
        return s.toString();
    }

    private void thresholdZone(StringBuilder s) {
        if (Double.isNaN(series.threshold())) {
            return;
        }
        double y = y(series.threshold());
        boolean below = series.comparisonOperator() != null && series.comparisonOperator().startsWith("Less");
        double top = below ? y : TOP;
        double bottom = below ? HEIGHT - BOTTOM : y;
        s.append(rect("breach-zone", LEFT, top, WIDTH - RIGHT - LEFT, Math.max(0, bottom - top)));
        s.append("<line class=\"threshold\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
        s.append(text("threshold-label", WIDTH - RIGHT - 4, below ? y - 6 : y + 14, "end",
                "threshold " + value(series.threshold())));
    }

    private void valueAxis(StringBuilder s) {
        double step = niceStep((high - low) / 4);
        for (double v = low; v <= high + step / 1000; v += step) {
            double y = y(v);
            s.append("<line class=\"gridline\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            s.append(text("axis-label", LEFT - 6, y + 4, "end", tick(v, step)));
        }
    }

    private void timeAxis(StringBuilder s) {
        long spanMinutes = Math.max(1, Duration.between(from, to).toMinutes());
        long stepMinutes = TIME_STEPS_MINUTES[TIME_STEPS_MINUTES.length - 1];
        for (long candidate : TIME_STEPS_MINUTES) {
            if (spanMinutes / candidate <= 7) {
                stepMinutes = candidate;
                break;
            }
        }
        long stepSeconds = stepMinutes * 60;
        long first = (from.getEpochSecond() / stepSeconds + 1) * stepSeconds;
        int baseline = HEIGHT - BOTTOM;
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(baseline).append("\" y2=\"").append(baseline).append("\"/>");
        for (long t = first; t <= to.getEpochSecond(); t += stepSeconds) {
            double x = x(Instant.ofEpochSecond(t));
            s.append(text("axis-label", x, baseline + 18, "middle", Format.time(Instant.ofEpochSecond(t)).substring(0, 5)));
        }
    }

    private void markers(StringBuilder s, List<Marker> markers) {
        double lastLabelX = Double.NEGATIVE_INFINITY;
        for (Marker m : markers) {
            if (m.at().isBefore(from) || m.at().isAfter(to)) {
                continue;
            }
            double x = x(m.at());
            s.append("<line class=\"marker ").append(m.kind()).append("\" x1=\"").append(fmt(x)).append("\" x2=\"")
                    .append(fmt(x)).append("\" y1=\"").append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
            if (x - lastLabelX >= 30 || !"phase".equals(m.kind())) {
                s.append(text("marker-label " + m.kind(), x, TOP - 8, "middle", m.label()));
                lastLabelX = x;
            }
        }
    }

    private void line(StringBuilder s) {
        List<String> coordinates = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (AlarmSeries.Point p : series.points()) {
            String xy = fmt(x(p.timestamp())) + "," + fmt(y(p.value()));
            coordinates.add(xy);
            boolean bad = breaches(p.value());
            dots.append("<circle class=\"point").append(bad ? " breach" : "").append("\" cx=\"").append(fmt(x(p.timestamp())))
                    .append("\" cy=\"").append(fmt(y(p.value()))).append("\" r=\"").append(bad ? 4 : 3).append("\"><title>")
                    .append(escape(Format.time(p.timestamp()) + " UTC: " + value(p.value()) + (bad ? " (breaching)" : "")))
                    .append("</title></circle>");
        }
        if (!coordinates.isEmpty()) {
            s.append("<polyline class=\"series\" points=\"").append(String.join(" ", coordinates)).append("\"/>");
        }
        s.append(dots);
    }

    private double x(Instant at) {
        double span = Duration.between(from, to).toMillis();
        double offset = Duration.between(from, at).toMillis();
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(1, offset / span));
    }

    private double y(double v) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (1 - (v - low) / (high - low));
    }

    private String tick(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        String number = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return percent ? number + "%" : number;
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String rect(String css, double x, double y, double w, double h) {
        return "<rect class=\"" + css + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w) + "\" height=\""
                + fmt(h) + "\"/>";
    }

    private static String text(String css, double x, double y, String anchor, String content) {
        return "<text class=\"" + css + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

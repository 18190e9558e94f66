package dev.ecscanary.controller.web.chart;

import java.util.Locale;

/** The few SVG elements the chart writes, with its own escaping of text (the page inserts the chart unescaped). */
final class Svg {

    private Svg() {}

    static String rect(String css, double x, double y, double w, double h) {
        return "<rect class=\"" + css + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w)
                + "\" height=\"" + fmt(h) + "\"/>";
    }

    static String text(String css, double x, double y, String anchor, String content) {
        return "<text class=\"" + css + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>";
    }

    static String text(String css, TextBox box) {
        return text(css, box.x(), box.y(), box.anchor(), box.text());
    }

    static String fmt(double v) {
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

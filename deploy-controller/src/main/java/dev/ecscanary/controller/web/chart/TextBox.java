package dev.ecscanary.controller.web.chart;

/**
 * A label of the chart and the box it covers, estimated without a font: the chart's text is 11px (status.css), and a
 * character of it is at most about 0.65em wide; the box spans the ascent of capitals and digits (0.8em) above the
 * baseline {@code y} and the descent (0.25em) below it.
 *
 * @param anchor SVG's text-anchor: {@code start}, {@code middle} or {@code end} at {@code x}
 */
record TextBox(String text, double x, double y, String anchor) {

    static final double FONT_SIZE = 11;
    static final double CHAR_WIDTH = 0.65 * FONT_SIZE;
    /** Space kept between two labels, so that they read as two. */
    static final double GAP = 2;

    double width() {
        return text.length() * CHAR_WIDTH;
    }

    double left() {
        return switch (anchor) {
            case "start" -> x;
            case "end" -> x - width();
            default -> x - width() / 2;
        };
    }

    double right() {
        return left() + width();
    }

    double top() {
        return y - 0.8 * FONT_SIZE;
    }

    double bottom() {
        return y + 0.25 * FONT_SIZE;
    }

    boolean overlaps(TextBox other) {
        return left() < other.right() + GAP
                && other.left() < right() + GAP
                && top() < other.bottom()
                && other.top() < bottom();
    }

    /** Whether a vertical line at {@code lineX} from {@code y1} down to {@code y2} runs through this label. */
    boolean crosses(double lineX, double y1, double y2) {
        return left() - GAP < lineX && lineX < right() + GAP && top() < y2 && y1 < bottom();
    }

    boolean within(double width, double height) {
        return left() >= 0 && right() <= width && top() >= 0 && bottom() <= height;
    }
}

package dev.ecscanary.controller.web.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The labels already on the chart, and its vertical marker lines: a new label goes to the first of its candidate
 * places that covers none of them and stays inside the drawing.
 */
final class LabelLayout {

    private record VerticalLine(double x, double y1, double y2) {}

    private final double width;
    private final double height;
    private final List<TextBox> placed = new ArrayList<>();
    private final List<VerticalLine> lines = new ArrayList<>();

    LabelLayout(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** A label drawn where it is, e.g. an axis tick. */
    void add(TextBox label) {
        placed.add(label);
    }

    void addLine(double x, double y1, double y2) {
        lines.add(new VerticalLine(x, y1, y2));
    }

    /**
     * Places the label at the free candidate that covers the fewest of {@code preferAvoiding} (labels still to come),
     * the earliest of those on a tie; empty when no candidate is free.
     */
    Optional<TextBox> place(List<TextBox> candidates, List<TextBox> preferAvoiding) {
        Optional<TextBox> chosen = candidates.stream()
                .filter(this::isFree)
                .min(Comparator.comparingLong(
                        c -> preferAvoiding.stream().filter(c::overlaps).count()));
        chosen.ifPresent(placed::add);
        return chosen;
    }

    /** Places the label at the first candidate free of labels and marker lines, else free of labels, else the first. */
    TextBox placeClearOfLines(List<TextBox> candidates) {
        TextBox chosen = candidates.stream()
                .filter(c -> isFree(c) && crossesNoLine(c))
                .findFirst()
                .or(() -> candidates.stream().filter(this::isFree).findFirst())
                .orElse(candidates.getFirst());
        placed.add(chosen);
        return chosen;
    }

    private boolean isFree(TextBox candidate) {
        return candidate.within(width, height) && placed.stream().noneMatch(candidate::overlaps);
    }

    private boolean crossesNoLine(TextBox candidate) {
        return lines.stream().noneMatch(l -> candidate.crosses(l.x(), l.y1(), l.y2()));
    }
}

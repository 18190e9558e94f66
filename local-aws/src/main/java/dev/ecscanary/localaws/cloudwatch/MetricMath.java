package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.AwsException;
import java.util.Arrays;
import java.util.Map;

/**
 * CloudWatch metric math over aligned time series: numbers, query ids, + - * /, parentheses and
 * {@code FILL(series, value)}. A slot with no data is NaN; arithmetic on NaN stays NaN (no datapoint), and FILL
 * turns NaN into the given value, as CloudWatch fills missing datapoints.
 */
final class MetricMath {

    private final String text;
    private final Map<String, double[]> series;
    private final int length;
    private int pos;

    private MetricMath(String text, Map<String, double[]> series, int length) {
        this.text = text;
        this.series = series;
        this.length = length;
    }

    static double[] evaluate(String expression, Map<String, double[]> series, int length) {
        MetricMath parser = new MetricMath(expression, series, length);
        double[] result = parser.sum();
        parser.skipSpaces();
        if (parser.pos != expression.length()) {
            throw parser.invalid("unexpected '" + expression.charAt(parser.pos) + "'");
        }
        return result;
    }

    private double[] sum() {
        double[] left = product();
        while (true) {
            skipSpaces();
            if (accept('+')) {
                left = combine(left, product(), '+');
            } else if (accept('-')) {
                left = combine(left, product(), '-');
            } else {
                return left;
            }
        }
    }

    private double[] product() {
        double[] left = unary();
        while (true) {
            skipSpaces();
            if (accept('*')) {
                left = combine(left, unary(), '*');
            } else if (accept('/')) {
                left = combine(left, unary(), '/');
            } else {
                return left;
            }
        }
    }

    private double[] unary() {
        skipSpaces();
        if (accept('-')) {
            return combine(constant(0), unary(), '-');
        }
        if (accept('(')) {
            double[] inner = sum();
            expect(')');
            return inner;
        }
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            return constant(number());
        }
        String name = identifier();
        skipSpaces();
        if (accept('(')) {
            return function(name);
        }
        double[] values = series.get(name);
        if (values == null) {
            throw invalid("unknown id '" + name + "'");
        }
        return values;
    }

    private double[] function(String name) {
        if (!name.equalsIgnoreCase("FILL")) {
            throw invalid("unsupported function " + name);
        }
        double[] values = sum();
        expect(',');
        skipSpaces();
        double fill = number();
        expect(')');
        double[] filled = values.clone();
        for (int i = 0; i < filled.length; i++) {
            if (Double.isNaN(filled[i])) {
                filled[i] = fill;
            }
        }
        return filled;
    }

    private double[] combine(double[] a, double[] b, char op) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = switch (op) {
                case '+' -> a[i] + b[i];
                case '-' -> a[i] - b[i];
                case '*' -> a[i] * b[i];
                default -> b[i] == 0 ? Double.NaN : a[i] / b[i];
            };
        }
        return out;
    }

    private double[] constant(double value) {
        double[] out = new double[length];
        Arrays.fill(out, value);
        return out;
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw invalid("bad number");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw invalid(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
        }
        return text.substring(start, pos);
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw invalid("expected '" + c + "'");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private AwsException invalid(String why) {
        return AwsException.client(
                "ValidationError", "Invalid metrics math expression '" + text + "': " + why + " at " + pos);
    }
}

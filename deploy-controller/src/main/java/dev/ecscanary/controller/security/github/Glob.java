package dev.ecscanary.controller.security.github;

/**
 * A claim pattern: an exact value, or {@code *} for any run of characters and {@code ?} for one. Matched by walking
 * both strings once per star at most (time proportional to pattern times value), never through a regular expression:
 * a pattern with many stars compiled to {@code .*.*.*} backtracks exponentially on a claim that does not match, and
 * the fuzzer found one that took seconds.
 */
final class Glob {

    private Glob() {}

    static boolean matches(String pattern, String value) {
        if (pattern == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        int[] p = pattern.codePoints().toArray();
        int[] v = value.codePoints().toArray();
        int pi = 0;
        int vi = 0;
        int star = -1; // the last star seen, and where in the value it started matching
        int starValue = 0;
        while (vi < v.length) {
            if (pi < p.length && p[pi] == '*') {
                star = pi++;
                starValue = vi;
            } else if (pi < p.length && (p[pi] == '?' || p[pi] == v[vi])) {
                pi++;
                vi++;
            } else if (star >= 0) {
                pi = star + 1; // let the last star take one more character, and try the rest again
                vi = ++starValue;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }
}

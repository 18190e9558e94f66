package dev.ecscanary.controller.judge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Is the new version slower? Minute by minute, its p99 against the old one's over the same minute: a minute breaches
 * when the new p99 is above the old one by the ratio and by the floor, and enough breaching minutes in a row fail.
 * The new version's first minutes with traffic are its warm-up: a new JVM answers its first requests several times
 * slower, so there the ratio is multiplied by the warm-up tolerance (a release three times slower than normal while
 * warming up is healthy; one that adds 300 ms to a 40 ms service is not).
 */
final class LatencyCheck {

    private LatencyCheck() {}

    /** One minute both sides can be compared in. */
    record Pair(Instant start, double newP99, double oldP99, boolean breach) {}

    /**
     * @param pairs the compared minutes, oldest first
     * @param run   the longest run of breaching minutes in a row
     */
    record Figures(List<Pair> pairs, int run) {

        Pair latest() {
            return pairs.getLast();
        }

        Pair worst() {
            return pairs.stream().filter(Pair::breach).reduce((a, b) -> b).orElse(latest());
        }
    }

    static Figures figures(List<Minute> oldSide, List<Minute> newSide, JudgeSettings settings) {
        Map<Instant, Minute> old = new TreeMap<>();
        oldSide.forEach(m -> old.put(m.start(), m));
        List<Pair> pairs = new ArrayList<>();
        int warmUpLeft = settings.warmUpDatapoints();
        int run = 0;
        int longest = 0;
        for (Minute fresh : newSide.stream()
                .sorted(java.util.Comparator.comparing(Minute::start))
                .toList()) {
            if (fresh.requests() == 0) {
                continue;
            }
            double tolerance = warmUpLeft > 0 ? settings.warmUpTolerance() : 1;
            warmUpLeft--;
            Minute same = old.get(fresh.start());
            if (!comparable(fresh, settings) || same == null || !comparable(same, settings)) {
                continue;
            }
            boolean breach = breaches(fresh.p99Millis(), same.p99Millis(), tolerance, settings);
            pairs.add(new Pair(fresh.start(), fresh.p99Millis(), same.p99Millis(), breach));
            run = breach ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return new Figures(pairs, longest);
    }

    static CheckResult judge(Figures f, JudgeSettings settings) {
        if (f.pairs().isEmpty()) {
            return CheckResult.inconclusive(String.format(
                    Locale.ROOT,
                    "no minute yet with %d requests on each side to compare p99",
                    settings.minDatapointRequests()));
        }
        if (f.run() >= settings.consecutive()) {
            Pair worst = f.worst();
            return CheckResult.fail(String.format(
                    Locale.ROOT,
                    "new version p99 %s against %s on the old one for %d minutes in a row (limit ×%s and +%d ms)",
                    ms(worst.newP99()),
                    ms(worst.oldP99()),
                    f.run(),
                    ratio(settings.latencyRatio()),
                    settings.latencyFloor().toMillis()));
        }
        Pair latest = f.latest();
        return CheckResult.pass(
                String.format(Locale.ROOT, "p99 new %s, old %s", ms(latest.newP99()), ms(latest.oldP99())));
    }

    static boolean breaches(double newP99, double oldP99, double tolerance, JudgeSettings settings) {
        return newP99 > oldP99 * settings.latencyRatio() * tolerance
                && newP99 - oldP99 > settings.latencyFloor().toMillis();
    }

    private static boolean comparable(Minute m, JudgeSettings settings) {
        return m.p99Millis() != null && m.requests() >= settings.minDatapointRequests();
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String ratio(double r) {
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%s", r);
    }
}

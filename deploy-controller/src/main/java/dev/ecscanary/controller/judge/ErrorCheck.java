package dev.ecscanary.controller.judge;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Is the new version's 5xx share higher than the old one's? Over all minutes of the release so far, by a one-sided
 * Fisher's exact test (exact at the small counts of the first steps), and by more than a margin that matters.
 */
final class ErrorCheck {

    private static final FisherExactTest FISHER =
            FisherExactTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

    private ErrorCheck() {}

    /**
     * The figures behind the check.
     *
     * @param pValue the one-sided p-value, or null when too few requests were compared
     */
    record Figures(long newRequests, long newErrors, long oldRequests, long oldErrors, Double pValue) {

        double newShare() {
            return newRequests == 0 ? 0 : (double) newErrors / newRequests;
        }

        double oldShare() {
            return oldRequests == 0 ? 0 : (double) oldErrors / oldRequests;
        }
    }

    static Figures figures(List<Minute> oldSide, List<Minute> newSide, JudgeSettings settings) {
        long newRequests = newSide.stream().mapToLong(Minute::requests).sum();
        long newErrors = newSide.stream().mapToLong(Minute::errors).sum();
        long oldRequests = oldSide.stream().mapToLong(Minute::requests).sum();
        long oldErrors = oldSide.stream().mapToLong(Minute::errors).sum();
        Double p = newRequests < settings.minRequests() || oldRequests < settings.minRequests()
                ? null
                : pGreater(newErrors, newRequests, oldErrors, oldRequests);
        return new Figures(newRequests, newErrors, oldRequests, oldErrors, p);
    }

    static CheckResult judge(Figures f, JudgeSettings settings) {
        if (f.pValue() == null) {
            return CheckResult.inconclusive(String.format(
                    Locale.ROOT,
                    "too few requests to compare 5xx yet: %,d on the new version, %,d on the old (%,d each needed)",
                    f.newRequests(),
                    f.oldRequests(),
                    settings.minRequests()));
        }
        String numbers = String.format(
                Locale.ROOT,
                "new version %s 5xx (%,d of %,d) against %s (%,d of %,d) on the old one, %s",
                percent(f.newShare()),
                f.newErrors(),
                f.newRequests(),
                percent(f.oldShare()),
                f.oldErrors(),
                f.oldRequests(),
                pText(f.pValue()));
        boolean higher = f.pValue() < settings.significance();
        boolean material = f.newShare() - f.oldShare() > settings.errorMargin();
        return higher && material ? CheckResult.fail(numbers) : CheckResult.pass(numbers);
    }

    /** One-sided: the probability of seeing this many new-version errors or more if both sides fail alike. */
    static double pGreater(long newErrors, long newRequests, long oldErrors, long oldRequests) {
        int[][] table = {
            {toInt(newErrors), toInt(newRequests - newErrors)},
            {toInt(oldErrors), toInt(oldRequests - oldErrors)}
        };
        return FISHER.test(table).getPValue();
    }

    private static int toInt(long count) {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    static String percent(double share) {
        double pct = share * 100;
        return String.format(Locale.ROOT, pct != 0 && pct < 0.1 ? "%.2f%%" : "%.1f%%", pct);
    }

    static String pText(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}

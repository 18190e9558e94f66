package dev.ecscanary.controller.judge;

/**
 * What one of the judge's checks found.
 *
 * @param outcome what it decided
 * @param reason  the numbers behind it, in a sentence
 */
public record CheckResult(Outcome outcome, String reason) {

    /** Three verdicts: only a fail stops a release; inconclusive goes to the release's policy. */
    public enum Outcome {
        PASS,
        INCONCLUSIVE,
        FAIL;

        Outcome worse(Outcome other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    static CheckResult pass(String reason) {
        return new CheckResult(Outcome.PASS, reason);
    }

    static CheckResult inconclusive(String reason) {
        return new CheckResult(Outcome.INCONCLUSIVE, reason);
    }

    static CheckResult fail(String reason) {
        return new CheckResult(Outcome.FAIL, reason);
    }
}

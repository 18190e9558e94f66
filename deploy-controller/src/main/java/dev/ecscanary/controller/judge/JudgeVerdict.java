package dev.ecscanary.controller.judge;

import dev.ecscanary.controller.judge.CheckResult.Outcome;

/**
 * The judge's verdict on a release so far: the worse of its two checks, with the numbers behind both.
 *
 * @param outcome     pass, inconclusive or fail
 * @param decidedBy   {@code errors} or {@code latency} when a check failed, else null
 * @param reason      the deciding check's sentence (a failing one first, else both)
 * @param errors      the 5xx figures: requests and errors per side, the p-value
 * @param errorCheck  what the 5xx check said
 * @param newP99      the latest compared minute's p99 of the new version in ms, or null when none was compared
 * @param oldP99      the same minute's p99 of the old version in ms, or null
 * @param latency     what the latency check said
 */
public record JudgeVerdict(
        Outcome outcome,
        String decidedBy,
        String reason,
        ErrorCheck.Figures errors,
        CheckResult errorCheck,
        Double newP99,
        Double oldP99,
        CheckResult latency) {

    public boolean isFail() {
        return outcome == Outcome.FAIL;
    }

    public boolean isInconclusive() {
        return outcome == Outcome.INCONCLUSIVE;
    }

    public long newRequests() {
        return errors.newRequests();
    }

    public long newErrors() {
        return errors.newErrors();
    }

    public long oldRequests() {
        return errors.oldRequests();
    }

    public long oldErrors() {
        return errors.oldErrors();
    }

    /** The one-sided p-value of the 5xx comparison, or null when too few requests were compared. */
    public Double pValue() {
        return errors.pValue();
    }
}

package dev.ecscanary.controller.judge;

import dev.ecscanary.controller.judge.CheckResult.Outcome;
import java.util.List;

/**
 * Judges the new version against the old one over the same minutes of a release, on each side's own target-group
 * metrics: 5xx share ({@link ErrorCheck}) and p99 latency ({@link LatencyCheck}). The verdict is the worse of the
 * two; a side with too few requests makes a check inconclusive, never a pass.
 */
public final class CanaryJudge {

    private CanaryJudge() {}

    /**
     * @param oldSide the original task set's minutes since the release took traffic
     * @param newSide the replacement's minutes over the same time
     */
    public static JudgeVerdict judge(List<Minute> oldSide, List<Minute> newSide, JudgeSettings settings) {
        ErrorCheck.Figures errorFigures = ErrorCheck.figures(oldSide, newSide, settings);
        CheckResult errors = ErrorCheck.judge(errorFigures, settings);
        LatencyCheck.Figures latencyFigures = LatencyCheck.figures(oldSide, newSide, settings);
        CheckResult latency = LatencyCheck.judge(latencyFigures, settings);
        Outcome outcome = errors.outcome().worse(latency.outcome());
        String decidedBy =
                errors.outcome() == Outcome.FAIL ? "errors" : latency.outcome() == Outcome.FAIL ? "latency" : null;
        String reason = errors.outcome() == Outcome.FAIL
                ? errors.reason()
                : latency.outcome() == Outcome.FAIL ? latency.reason() : errors.reason() + "; " + latency.reason();
        LatencyCheck.Pair latest = latencyFigures.pairs().isEmpty() ? null : latencyFigures.latest();
        return new JudgeVerdict(
                outcome,
                decidedBy,
                reason,
                errorFigures,
                errors,
                latest == null ? null : latest.newP99(),
                latest == null ? null : latest.oldP99(),
                latency);
    }
}

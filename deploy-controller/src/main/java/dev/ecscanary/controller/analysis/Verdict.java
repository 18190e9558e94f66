package dev.ecscanary.controller.analysis;

import java.time.Instant;
import java.util.List;

/**
 * What the watched alarms say about a release right now: pass, fail or inconclusive. Only a fail rolls back at
 * once; inconclusive goes to the configured policy and is never taken for a pass.
 *
 * @param firing         the alarms in ALARM (for a fail)
 * @param firstChangedAt the earliest StateUpdatedTimestamp among the firing alarms: when the safety net had its cue
 * @param explanation    a sentence a person can check
 */
public record Verdict(Kind kind, List<AlarmReading> firing, Instant firstChangedAt, String explanation) {

    public enum Kind {
        /** Every watched alarm is OK. */
        PASS,
        /** At least one watched alarm is in ALARM. */
        FAIL,
        /** No alarm fires, but at least one is INSUFFICIENT_DATA, missing, or could not be read. */
        INCONCLUSIVE
    }

    public boolean isFail() {
        return kind == Kind.FAIL;
    }

    public boolean isInconclusive() {
        return kind == Kind.INCONCLUSIVE;
    }
}

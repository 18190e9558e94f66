package dev.ecscanary.controller.pretraffic;

/**
 * One request sent and judged.
 *
 * @param startedNanos when it went out ({@link System#nanoTime()}), to tell which failure came first
 * @param millis       how long the answer took (or the wait, when none came)
 * @param failure      what was wrong in a few words (e.g. {@code answered 500}), or null when it passed
 * @param answer       the start of the answer's body, or null
 */
record Sample(long startedNanos, long millis, String failure, String answer) {

    static Sample passed(long startedNanos, long millis) {
        return new Sample(startedNanos, millis, null, null);
    }

    static Sample failed(long startedNanos, long millis, String failure, String answer) {
        return new Sample(startedNanos, millis, failure, answer);
    }

    boolean isFailure() {
        return failure != null;
    }

    /** The failure with what the target answered, for the record. */
    String describe() {
        return answer == null || answer.isEmpty() ? failure : failure + ": " + answer;
    }
}

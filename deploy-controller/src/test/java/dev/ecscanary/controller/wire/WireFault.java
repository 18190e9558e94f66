package dev.ecscanary.controller.wire;

/** What can go wrong with one AWS call at the stand-in. */
public enum WireFault {
    /** Answered 400 with the protocol's throttling code (ThrottlingException, or Throttling for awsQuery); not carried out. */
    THROTTLING,
    /** Answered 503 ServiceUnavailable; not carried out. */
    SERVER_ERROR,
    /** Carried out, but the connection is reset instead of answering: the caller cannot know it happened. */
    LOSE_ANSWER,
    /** Carried out, then the answer is held until {@link WireFaults#releaseHeldAnswers()} and the connection reset. */
    HOLD_ANSWER
}

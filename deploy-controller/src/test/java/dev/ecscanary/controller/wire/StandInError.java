package dev.ecscanary.controller.wire;

/** An error the stand-in answers with, as the AWS service would: HTTP status, error code and message. */
final class StandInError extends RuntimeException {

    final int status;
    final String code;

    StandInError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static StandInError clientError(String code, String message) {
        return new StandInError(400, code, message);
    }
}

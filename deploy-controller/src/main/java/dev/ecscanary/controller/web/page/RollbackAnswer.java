package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.audit.AuditDetails;

/**
 * What became of an operator's rollback from the page: carried through the redirect to the page as a notice, and put
 * on the audit trail as what it was, since the redirect's 303 says "see the page" whatever happened.
 */
enum RollbackAnswer {
    REQUESTED(
            "good",
            "Rollback requested: the controller asked CodeDeploy to stop the release"
                    + " and move all traffic back. This page follows it.",
            Outcome.ACCEPTED),
    ALREADY(
            "warn",
            "The release was already rolling back; nothing more was sent. This page follows it.",
            Outcome.ACCEPTED),
    CANCELLED(
            "good",
            "Cancelled: CodeDeploy had not started the release yet, so no traffic had moved.",
            Outcome.ACCEPTED),
    UNAVAILABLE(
            "bad",
            "AWS could not be reached; the rollback is recorded and the controller keeps trying.",
            Outcome.ACCEPTED),
    FINISHED("warn", "Nothing was rolled back: the release had already finished.", Outcome.REFUSED),
    NOT_ALLOWED(
            "bad",
            "Nothing was rolled back: your sign-in may not roll back releases of this service.",
            Outcome.REFUSED),
    BUSY(
            "warn",
            "The controller was changing this release at that moment; nothing was sent. Try again.",
            Outcome.FAILED);

    private enum Outcome {
        ACCEPTED,
        REFUSED,
        FAILED
    }

    private final String tone;
    private final String text;
    private final Outcome outcome;

    RollbackAnswer(String tone, String text, Outcome outcome) {
        this.tone = tone;
        this.text = text;
        this.outcome = outcome;
    }

    DeploymentPage.Notice notice() {
        return new DeploymentPage.Notice(tone, text);
    }

    /** Notes this answer for the request's audit entry: what was done, or why it was refused or failed. */
    RollbackAnswer audit(String detail) {
        switch (outcome) {
            case ACCEPTED -> AuditDetails.note("from the status page: " + detail);
            case REFUSED -> AuditDetails.refused("from the status page: " + detail);
            case FAILED -> AuditDetails.failed("from the status page: " + detail);
        }
        return this;
    }
}

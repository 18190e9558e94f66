package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.web.Format;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The deployment page's record: every request that changed the release or tried to, as the audit trail keeps it
 * (who, what, when, from where, and how it ended), newest last. Read-only, like the trail itself.
 *
 * @param more a sentence when older entries are left out, else null
 */
record AuditSection(List<Entry> entries, String more) {

    /** At most this many entries are shown, the newest; the API serves them all. */
    static final int SHOWN = 50;

    /**
     * One entry, worded. {@code runUrl} is set only for a web address, else the run is shown as text
     * ({@code runText}); {@code time} carries the date too when the entry is from another day than the release;
     * {@code subject} and {@code tokenName} are set only where the caller's name does not already say them.
     */
    record Entry(
            String time,
            String iso,
            String action,
            Badge outcome,
            int httpStatus,
            String caller,
            String subject,
            String repository,
            String runUrl,
            String runText,
            String tokenName,
            String reason,
            String remoteAddress,
            String userAgent) {}

    /** @param newest the newest entries, oldest first, up to one more than {@link #SHOWN} to tell whether there are more */
    static AuditSection of(UUID deploymentId, List<AuditEntry> newest, Instant releaseStarted) {
        List<AuditEntry> shown = newest.size() > SHOWN ? newest.subList(newest.size() - SHOWN, newest.size()) : newest;
        String more = newest.size() > SHOWN
                ? "The newest " + SHOWN + " entries are shown; GET /api/deployments/" + deploymentId
                        + "/audit serves them all."
                : null;
        return new AuditSection(
                shown.stream().map(e -> entry(e, releaseStarted)).toList(), more);
    }

    private static Entry entry(AuditEntry e, Instant releaseStarted) {
        String run = Links.safeWebLink(e.workflowRun());
        boolean sameDay = e.at().atZone(ZoneOffset.UTC)
                .toLocalDate()
                .equals(releaseStarted.atZone(ZoneOffset.UTC).toLocalDate());
        return new Entry(
                sameDay ? Format.time(e.at()) : Format.dateTime(e.at()),
                Format.iso(e.at()),
                action(e.action()),
                Badge.ofOutcome(e.outcome()),
                e.httpStatus(),
                e.caller(),
                unlessSaid(e.subject(), e.caller()),
                e.repository(),
                run,
                run == null ? e.workflowRun() : run.replaceFirst("^https?://", ""),
                unlessSaid(e.tokenName(), e.caller()),
                e.reason(),
                e.remoteAddress(),
                e.userAgent());
    }

    /** A detail of the caller, unless its name already says it (as {@code token:ci-bot} says the token's name). */
    private static String unlessSaid(String detail, String caller) {
        return detail == null || caller.contains(detail) ? null : detail;
    }

    private static String action(String action) {
        return switch (action) {
            case "DEPLOY" -> "Release requested";
            case "ROLLBACK" -> "Rollback";
            default -> action.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        };
    }
}

package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.deployment.DeploymentStatus;

/**
 * A state shown as a coloured badge whose text and symbol carry the meaning too, for readers who cannot tell the
 * colours apart. {@code tone} is the CSS class: good, bad, warn, info or neutral.
 */
record Badge(String label, String symbol, String tone) {

    static Badge of(DeploymentStatus status) {
        return switch (status) {
            case PENDING -> new Badge("Pending", "◌", "neutral");
            case IN_PROGRESS -> new Badge("In progress", "▶", "info");
            case ROLLING_BACK -> new Badge("Rolling back", "↺", "warn");
            case SUCCEEDED -> new Badge("Succeeded", "✓", "good");
            case ROLLED_BACK -> new Badge("Rolled back", "↺", "bad");
            case FAILED -> new Badge("Failed", "✕", "bad");
        };
    }

    static Badge of(AlarmState state) {
        return switch (state) {
            case OK -> new Badge("OK", "✓", "good");
            case ALARM -> new Badge("In alarm", "!", "bad");
            case INSUFFICIENT_DATA -> new Badge("Insufficient data", "?", "warn");
            case MISSING -> new Badge("Missing", "?", "warn");
        };
    }

    /** A CodeDeploy lifecycle event's status as on the wire: Pending, InProgress, Succeeded, Failed, Skipped, Unknown. */
    static Badge ofLifecycle(String status) {
        return switch (status) {
            case "Succeeded" -> new Badge("Succeeded", "✓", "good");
            case "InProgress" -> new Badge("In progress", "▶", "info");
            case "Failed" -> new Badge("Failed", "✕", "bad");
            case "Skipped" -> new Badge("Skipped", "–", "neutral");
            case "Pending" -> new Badge("Pending", "◌", "neutral");
            default -> new Badge(status, "?", "warn");
        };
    }

    /** An audit entry's outcome: ACCEPTED, REFUSED (a 4xx, or a refusal the page answered with a redirect) or FAILED. */
    static Badge ofOutcome(String outcome) {
        return switch (outcome) {
            case "ACCEPTED" -> new Badge("Accepted", "✓", "good");
            case "REFUSED" -> new Badge("Refused", "✕", "bad");
            case "FAILED" -> new Badge("Failed", "!", "warn");
            default -> new Badge(outcome, "?", "neutral");
        };
    }
}

package dev.ecscanary.controller.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail.
 *
 * @param caller        who, as shown everywhere (e.g. {@code token:ci-bot}, {@code github:acme/shop@refs/heads/main run 7})
 * @param subject       the OIDC subject, token name or user name; null when the caller did not authenticate
 * @param workflowRun   the GitHub Actions run URL of a CI caller
 * @param action        {@code DEPLOY}, {@code ROLLBACK}, {@code TOKEN_CREATE}, {@code TOKEN_REVOKE}, {@code SIGN_IN}, ...
 * @param outcome       {@code ACCEPTED}, {@code REFUSED} (4xx) or {@code FAILED} (5xx)
 * @param reason        what was refused and why, or what was done; never a secret
 * @param remoteAddress the address the request came from
 */
public record AuditEntry(
        Long id,
        Instant at,
        String caller,
        String subject,
        String repository,
        String workflowRun,
        String tokenName,
        String action,
        String service,
        UUID deploymentId,
        String outcome,
        int httpStatus,
        String reason,
        String remoteAddress,
        String userAgent) {}

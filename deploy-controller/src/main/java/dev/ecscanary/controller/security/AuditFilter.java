package dev.ecscanary.controller.security;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every request that changes something on the audit trail once it is answered, whatever the answer: accepted,
 * refused (401, 403, 404, 409, 422, 429, ...) or failed. Sits inside the security chain, so it sees the caller; a
 * sign-out is recorded under the caller who was signed in when it arrived. A form post answered by sending the
 * browser to sign in did nothing: it is recorded as refused, whatever the redirect's status.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern DEPLOYMENT_PATH = Pattern.compile(".*/deployments/([0-9a-fA-F-]{36})(?:/.*)?");
    private static final Pattern TOKEN_PATH = Pattern.compile("/api/tokens(?:/([^/]+))?");
    private static final Pattern SIGN_IN_PAGE =
            Pattern.compile("(?:https?://[^/]+)?" + SecurityConfiguration.SIGN_IN_PAGE + "(?:\\?.*)?");

    private final AuditTrail trail;
    private final Clock clock;

    AuditFilter(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // signing out ends the sign-in: whoever it was is known only before
        Authentication signingOut = request.getRequestURI().equals(SecurityConfiguration.SIGN_OUT)
                ? SecurityContextHolder.getContext().getAuthentication()
                : null;
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                Authentication who = signingOut != null
                        ? signingOut
                        : SecurityContextHolder.getContext().getAuthentication();
                trail.record(entry(request, response, CurrentCaller.of(who), CurrentCaller.subjectOf(who)));
            } catch (RuntimeException e) {
                log.error("Could not write the audit entry of {} {}", request.getMethod(), request.getRequestURI(), e);
            }
        }
    }

    private AuditEntry entry(HttpServletRequest request, HttpServletResponse response, Caller caller, String subject) {
        String path = request.getRequestURI();
        String action = action(request.getMethod(), path);
        Verdict verdict = verdict(request, response, action);
        return new AuditEntry(
                null,
                clock.instant(),
                caller.display(),
                subject,
                caller.repository(),
                caller.workflowRun(),
                caller.tokenName(),
                action,
                (String) request.getAttribute(AuditDetails.SERVICE),
                deploymentId(path, response),
                verdict.outcome(),
                response.getStatus(),
                verdict.reason() == null ? null : clip(verdict.reason(), 1000),
                request.getRemoteAddr(),
                clip(request.getHeader("User-Agent"), 300));
    }

    /** ACCEPTED, REFUSED or FAILED, and why (for an accepted request, what it did, where the handler noted it). */
    private record Verdict(String outcome, String reason) {}

    private static Verdict verdict(HttpServletRequest request, HttpServletResponse response, String action) {
        int status = response.getStatus();
        if (action.equals("SIGN_IN")
                && String.valueOf(response.getHeader("Location")).contains("error")) {
            return new Verdict("REFUSED", "sign-in refused");
        }
        Object told = request.getAttribute(AuditDetails.OUTCOME);
        Object reason = request.getAttribute(AuditDetails.REASON);
        if (!action.startsWith("SIGN_") && sentToSignIn(response)) {
            return new Verdict("REFUSED", reason != null ? reason.toString() : "not signed in: sent to sign in first");
        }
        String outcome =
                told != null ? told.toString() : status < 400 ? "ACCEPTED" : status < 500 ? "REFUSED" : "FAILED";
        Object why = outcome.equals("ACCEPTED") ? request.getAttribute(AuditDetails.NOTE) : reason;
        return new Verdict(outcome, why == null ? null : why.toString());
    }

    static String action(String method, String path) {
        if (path.endsWith("/rollback")) {
            return "ROLLBACK";
        }
        if (path.equals("/api/deployments")) {
            return "DEPLOY";
        }
        Matcher tokens = TOKEN_PATH.matcher(path);
        if (tokens.matches()) {
            return method.equals("DELETE") ? "TOKEN_REVOKE" : "TOKEN_CREATE";
        }
        if (path.equals("/login") || path.startsWith("/login/")) {
            return "SIGN_IN";
        }
        if (path.equals(SecurityConfiguration.SIGN_OUT)) {
            return "SIGN_OUT";
        }
        return method + " " + clip(path, 200);
    }

    private static boolean sentToSignIn(HttpServletResponse response) {
        String location = response.getHeader("Location");
        return response.getStatus() / 100 == 3
                && location != null
                && SIGN_IN_PAGE.matcher(location).matches();
    }

    private static UUID deploymentId(String path, HttpServletResponse response) {
        Matcher m = DEPLOYMENT_PATH.matcher(path);
        String location = response.getHeader("Location");
        Matcher created = location == null ? null : DEPLOYMENT_PATH.matcher(location);
        try {
            if (m.matches()) {
                return UUID.fromString(m.group(1));
            }
            return created != null && created.matches() ? UUID.fromString(created.group(1)) : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every request that changes something on the audit trail once it is answered, whatever the answer: accepted,
 * refused (401, 403, 404, 409, 422, 429, ...) or failed. Sits inside the security chain, so it sees the caller.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern DEPLOYMENT_PATH = Pattern.compile(".*/deployments/([0-9a-fA-F-]{36})(?:/.*)?");
    private static final Pattern TOKEN_PATH = Pattern.compile("/api/tokens(?:/([^/]+))?");

    private final AuditTrail trail;
    private final Clock clock;

    AuditFilter(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || request.getRequestURI().equals("/logout");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                trail.record(entry(request, response, CurrentCaller.get()));
            } catch (RuntimeException e) {
                log.error("Could not write the audit entry of {} {}", request.getMethod(), request.getRequestURI(), e);
            }
        }
    }

    private AuditEntry entry(HttpServletRequest request, HttpServletResponse response, Caller caller) {
        int status = response.getStatus();
        String path = request.getRequestURI();
        String action = action(request.getMethod(), path);
        boolean failedSignIn = action.equals("SIGN_IN") && String.valueOf(response.getHeader("Location")).contains("error");
        Object told = request.getAttribute(AuditDetails.OUTCOME);
        String outcome = failedSignIn ? "REFUSED" : told != null ? told.toString()
                : status < 400 ? "ACCEPTED" : status < 500 ? "REFUSED" : "FAILED";
        Object reason = failedSignIn ? "sign-in refused"
                : request.getAttribute(outcome.equals("ACCEPTED") ? AuditDetails.NOTE : AuditDetails.REASON);
        return new AuditEntry(null, clock.instant(), caller.display(), caller.subject(), caller.repository(),
                caller.workflowRun(), caller.tokenName(), action,
                (String) request.getAttribute(AuditDetails.SERVICE), deploymentId(path, response), outcome, status,
                reason == null ? null : clip(reason.toString(), 1000), request.getRemoteAddr(),
                clip(request.getHeader("User-Agent"), 300));
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
        return method + " " + clip(path, 200);
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

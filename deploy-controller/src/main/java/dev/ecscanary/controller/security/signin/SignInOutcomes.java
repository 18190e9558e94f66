package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.audit.AuditEntry;
import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CurrentCaller;
import dev.ecscanary.controller.security.SignInRefusal;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * What happens when someone comes back from the OpenID Connect provider. Either way it goes on the audit trail (the
 * provider sends the browser back with a GET, which the {@link AuditFilter} leaves alone). A success continues to the
 * page that asked for the sign-in; a refusal goes to {@value #REFUSED_PAGE}, which says which check failed.
 */
public final class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String REFUSED_PAGE = "/login/refused";
    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);

    private final AuditTrail trail;
    private final Clock clock;
    private final AuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    public SignInOutcomes(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        next.onAuthenticationSuccess(request, response, authentication);
        record(
                request,
                response,
                CurrentCaller.of(authentication).display(),
                CurrentCaller.subjectOf(authentication),
                "ACCEPTED",
                "signed in through " + registration(request) + " " + role(authentication));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = SignInRefusal.describe(exception);
        request.getSession().setAttribute(SignInRefusal.SESSION_ATTRIBUTE, reason);
        response.sendRedirect(REFUSED_PAGE);
        record(
                request,
                response,
                Caller.ANONYMOUS.display(),
                null,
                "REFUSED",
                "sign-in through " + registration(request) + " refused: " + reason);
    }

    private void record(
            HttpServletRequest request,
            HttpServletResponse response,
            String caller,
            String subject,
            String outcome,
            String reason) {
        try {
            trail.record(new AuditEntry(
                    null,
                    clock.instant(),
                    caller,
                    subject,
                    null,
                    null,
                    null,
                    "SIGN_IN",
                    null,
                    null,
                    outcome,
                    response.getStatus(),
                    clip(reason, 1000),
                    request.getRemoteAddr(),
                    clip(request.getHeader("User-Agent"), 300)));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry of a sign-in", e);
        }
    }

    private static String role(Authentication authentication) {
        String role = Roles.of(authentication.getAuthorities());
        return role != null ? "as " + role : "with no role (no operator or viewer value in its claim)";
    }

    /** The registration the provider sent the browser back to: the last segment of /login/oauth2/code/{id}. */
    private static String registration(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "OpenID Connect '" + clip(path.substring(path.lastIndexOf('/') + 1), 100) + "'";
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

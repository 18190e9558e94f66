package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CurrentCaller;
import dev.ecscanary.controller.security.SecurityConfiguration;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The status page's refusals. A form that carries a CSRF token which is not this session's, posted by a visitor who
 * is not signed in, comes from a page left open after its session ended (signed out, maybe in another tab; expired;
 * the controller restarted): nothing is done, and the visitor is sent to sign in again with a sentence saying why (a
 * stale sign-out form straight to "signed out"). A post with no token at all, or from a signed-in caller, is refused
 * with 403, as is any other refusal. The audit entry says which.
 */
public final class PageAccessDenied implements AccessDeniedHandler {

    static final String SESSION_ENDED_PAGE = SecurityConfiguration.SIGN_IN_PAGE + "?ended";
    /** Where Spring Security looks for the token of a form post, and of a script's request. */
    private static final String CSRF_PARAMETER = "_csrf";

    private static final String CSRF_HEADER = "X-CSRF-TOKEN";

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
    private final boolean signInOffered;

    public PageAccessDenied(boolean signInOffered) {
        this.signInOffered = signInOffered;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (!(refusal instanceof CsrfException)) {
            forbidden.handle(request, response, refusal);
        } else if (!signInOffered
                || !carriesAToken(request)
                || CurrentCaller.get().kind() != Caller.Kind.ANONYMOUS) {
            AuditDetails.reason(request, "the form's CSRF token is missing or is not this session's");
            forbidden.handle(request, response, refusal);
        } else {
            request.setAttribute(AuditDetails.OUTCOME, "REFUSED");
            AuditDetails.reason(
                    request,
                    "not signed in, and the form's CSRF token is not this session's: a page left"
                            + " open after its session ended (signed out or expired); nothing was done, sent to sign in");
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(
                    HttpHeaders.LOCATION,
                    request.getRequestURI().equals(SecurityConfiguration.SIGN_OUT)
                            ? SignOutOutcome.SIGNED_OUT_PAGE
                            : SESSION_ENDED_PAGE);
        }
    }

    private static boolean carriesAToken(HttpServletRequest request) {
        return request.getParameter(CSRF_PARAMETER) != null || request.getHeader(CSRF_HEADER) != null;
    }
}

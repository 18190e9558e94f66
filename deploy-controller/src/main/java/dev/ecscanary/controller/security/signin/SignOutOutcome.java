package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CurrentCaller;
import dev.ecscanary.controller.security.SecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Where signing out of the status page lands, once Spring Security has ended the session (invalidated it, cleared
 * its sign-in, CSRF token and cookie): the sign-in page, saying so. The {@link AuditFilter} records the sign-out
 * under the caller who was signed in; this adds what ended.
 */
public final class SignOutOutcome implements LogoutSuccessHandler {

    static final String SIGNED_OUT_PAGE = SecurityConfiguration.SIGN_IN_PAGE + "?logout";

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication signedIn) {
        Caller caller = CurrentCaller.of(signedIn);
        if (caller.kind() == Caller.Kind.ANONYMOUS) {
            request.setAttribute(AuditDetails.NOTE, "nobody was signed in in this browser session");
        } else {
            String role = Roles.of(signedIn.getAuthorities());
            request.setAttribute(
                    AuditDetails.NOTE,
                    "signed out" + (role != null ? " as " + role : "")
                            + "; the session was ended and its cookie cleared");
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, SIGNED_OUT_PAGE);
    }
}

package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.security.signin.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's header (header.mustache) says about the visitor: who is signed in, with their role and the form
 * that signs them out (a POST carrying the CSRF token, never a link), or, to a visitor who has not signed in, where
 * to sign in. A caller without a session (a bearer token) gets neither: a sign-out would have nothing to end.
 *
 * @param signedIn   the signed-in caller and their sign-out form; null when nobody is signed in in this session
 * @param signInHref the sign-in page, for a visitor who could sign in and is not on it; null otherwise
 */
record PageHeader(SignedIn signedIn, String signInHref) {

    static final String SIGN_IN_PAGE = "/login";
    static final String SIGN_OUT = "/logout";
    static final PageHeader NOBODY = new PageHeader(null, null);

    /**
     * @param name what the audit trail records the caller as, e.g. {@code user:alice}
     * @param role {@code operator}, {@code viewer} or {@code no role}
     */
    record SignedIn(String name, String role, String signOutAction, String csrfParameter, String csrfToken) {}

    static PageHeader of(HttpServletRequest request, boolean signInOffered) {
        Optional<SessionSignIn.SignedIn> who = SessionSignIn.of(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (who.isPresent()) {
            return csrf == null
                    ? NOBODY
                    : new PageHeader(
                            new SignedIn(
                                    who.get().name(),
                                    who.get().role(),
                                    SIGN_OUT,
                                    csrf.getParameterName(),
                                    csrf.getToken()),
                            null);
        }
        boolean onSignInPage = request.getRequestURI().equals(SIGN_IN_PAGE);
        return new PageHeader(null, signInOffered && !onSignInPage ? SIGN_IN_PAGE : null);
    }
}

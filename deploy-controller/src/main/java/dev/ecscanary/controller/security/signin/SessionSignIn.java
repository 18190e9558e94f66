package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Who is signed in to the status page in this browser session (through OpenID Connect or with an API token on the
 * sign-in page), for the page's header. Empty for a visitor who has not signed in, and for a caller who proves
 * itself on every request with a bearer token: no session holds that, so there is nothing for signing out to end.
 */
public final class SessionSignIn {

    /**
     * @param name what the audit trail records the caller as, e.g. {@code user:alice} or {@code token:ops}
     * @param role {@code operator}, {@code viewer} or {@code no role}
     */
    public record SignedIn(String name, String role) {}

    private SessionSignIn() {}

    public static Optional<SignedIn> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stored = session == null
                ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext context) || context.getAuthentication() == null) {
            return Optional.empty();
        }
        Authentication signIn = context.getAuthentication();
        Caller caller = CurrentCaller.of(signIn);
        if (caller.kind() == Caller.Kind.ANONYMOUS
                || !signIn.equals(SecurityContextHolder.getContext().getAuthentication())) {
            return Optional.empty();
        }
        String role = Roles.of(signIn.getAuthorities());
        return Optional.of(new SignedIn(caller.display(), role != null ? role : "no role"));
    }
}

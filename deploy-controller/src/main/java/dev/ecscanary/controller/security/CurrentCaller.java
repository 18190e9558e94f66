package dev.ecscanary.controller.security;

import dev.ecscanary.controller.security.signin.Roles;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The caller of the request being handled, for the deployment record, the audit trail and the status page. */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static Caller get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** What {@code requestedBy} and the audit trail show, e.g. {@code token:ci-bot} or {@code user:alice}. */
    public static String display() {
        return get().display();
    }

    /**
     * Whether the status page offers its rollback form: to operators, and to visitors who have not signed in (posting
     * it takes them to sign in first). A signed-in viewer is not offered it; posting it anyway is a 403.
     */
    public static boolean isOfferedRollback() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (get().kind() == Caller.Kind.ANONYMOUS) {
            return true;
        }
        return authentication.getAuthorities().stream().anyMatch(a -> Roles.OPERATOR.equals(a.getAuthority()));
    }

    public static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Caller.ANONYMOUS;
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return Caller.user(nameOf(user), scopesOf(authentication));
        }
        if (authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return Caller.ANONYMOUS;
        }
        return Caller.user(authentication.getName(), scopesOf(authentication));
    }

    /** Who signed in, as the audit trail's subject: the provider's {@code sub} for OpenID Connect, else the caller's. */
    public static String subjectOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user
                ? user.getSubject()
                : of(authentication).subject();
    }

    private static String nameOf(OidcUser user) {
        String preferred = user.getPreferredUsername();
        return preferred != null ? preferred : user.getEmail() != null ? user.getEmail() : user.getSubject();
    }

    private static Set<Scope> scopesOf(Authentication authentication) {
        Set<Scope> scopes = java.util.EnumSet.noneOf(Scope.class);
        for (GrantedAuthority a : authentication.getAuthorities()) {
            for (Scope s : Scope.values()) {
                if (s.authority().equals(a.getAuthority())) {
                    scopes.add(s);
                }
            }
        }
        return scopes;
    }
}

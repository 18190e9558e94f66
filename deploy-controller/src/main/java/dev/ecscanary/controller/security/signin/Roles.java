package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.security.Scope;
import dev.ecscanary.controller.security.SecurityProperties.Login;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The roles of people signed in to the status page: {@code viewer} reads, {@code operator} also rolls back. Taken from
 * one claim of the OpenID Connect provider ({@code login.role-claim}, e.g. {@code groups}); no match, no role.
 */
public final class Roles implements GrantedAuthoritiesMapper {

    static final String VIEWER = "ROLE_viewer";
    public static final String OPERATOR = "ROLE_operator";

    private final Login login;

    public Roles(Login login) {
        this.login = login;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                List<String> values = values(oidc.getAttributes().get(login.roleClaim()));
                if (values.stream().anyMatch(login.operators()::contains)) {
                    mapped.addAll(operator());
                } else if (values.stream().anyMatch(login.viewers()::contains)) {
                    mapped.addAll(viewer());
                }
            }
        }
        return mapped;
    }

    /** The role the authorities give, as the page and the audit trail name it: operator, viewer, or null for none. */
    static String of(Collection<? extends GrantedAuthority> authorities) {
        boolean viewer = false;
        for (GrantedAuthority authority : authorities) {
            if (OPERATOR.equals(authority.getAuthority())) {
                return "operator";
            }
            viewer |= VIEWER.equals(authority.getAuthority());
        }
        return viewer ? "viewer" : null;
    }

    public static List<GrantedAuthority> operator() {
        return List.of(
                new SimpleGrantedAuthority(OPERATOR),
                new SimpleGrantedAuthority(VIEWER),
                Scope.READ.granted(),
                Scope.ROLLBACK.granted());
    }

    public static List<GrantedAuthority> viewer() {
        return List.of(new SimpleGrantedAuthority(VIEWER), Scope.READ.granted());
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}

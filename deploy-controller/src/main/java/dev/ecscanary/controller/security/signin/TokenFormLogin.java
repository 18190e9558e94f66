package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CallerAuthentication;
import dev.ecscanary.controller.security.Scope;
import dev.ecscanary.controller.security.tokens.ApiTokens;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Sign-in to the status page with an API token in the password field (when {@code login.token-form} is on, as in the
 * rehearsal): the token's scopes give the role, {@code rollback} making an operator and {@code read} a viewer.
 */
public final class TokenFormLogin implements AuthenticationProvider {

    private final ApiTokens tokens;

    public TokenFormLogin(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object password = authentication.getCredentials();
        Caller caller = tokens.authenticate(password == null ? null : password.toString())
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API token"));
        if (!caller.may(Scope.READ)) {
            throw new BadCredentialsException("the token may not read");
        }
        return new CallerAuthentication(caller, roles(caller));
    }

    static List<GrantedAuthority> roles(Caller caller) {
        List<GrantedAuthority> roles = new ArrayList<>();
        roles.add(new SimpleGrantedAuthority(Roles.VIEWER));
        if (caller.may(Scope.ROLLBACK)) {
            roles.add(new SimpleGrantedAuthority(Roles.OPERATOR));
        }
        return roles;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

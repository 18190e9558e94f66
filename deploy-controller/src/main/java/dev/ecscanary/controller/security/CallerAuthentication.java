package dev.ecscanary.controller.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** An authenticated {@link Caller}; its authorities are its scopes ({@code SCOPE_deploy}, ...). Holds no secret. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller, List<GrantedAuthority> extraAuthorities) {
        super(authorities(caller, extraAuthorities));
        this.caller = caller;
        setAuthenticated(true);
    }

    public CallerAuthentication(Caller caller) {
        this(caller, List.of());
    }

    private static List<GrantedAuthority> authorities(Caller caller, List<GrantedAuthority> extra) {
        List<GrantedAuthority> all = new java.util.ArrayList<>(extra);
        caller.scopes().forEach(s -> all.add(s.granted()));
        return all;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.display();
    }
}

package dev.ecscanary.controller.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a caller may do. */
public enum Scope {
    /** start releases */
    DEPLOY,
    /** roll releases back */
    ROLLBACK,
    /** read deployments, services and the audit trail */
    READ,
    /** create, list and revoke API tokens; only configured tokens can have it */
    ADMIN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + label();
    }

    public GrantedAuthority granted() {
        return new SimpleGrantedAuthority(authority());
    }

    /** Accepts {@code deploy} as well as {@code DEPLOY}, as configuration and requests spell it. */
    public static Scope parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}

package dev.ecscanary.controller.security.tokens;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.Scope;
import java.time.Instant;
import java.util.Set;

/**
 * An API token as stored: its hash, never the token.
 *
 * @param services services it may deploy and roll back; empty means all
 */
public record ApiToken(
        String name,
        Set<Scope> scopes,
        Set<String> services,
        String createdBy,
        Instant createdAt,
        String revokedBy,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public Caller caller() {
        return Caller.token(name, scopes, services);
    }
}

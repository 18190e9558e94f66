package dev.ecscanary.controller.security.tokens;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.Scope;
import dev.ecscanary.controller.security.SecurityProperties;
import dev.ecscanary.controller.security.SecurityProperties.ConfiguredToken;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * API tokens: the configured ones (by hash, for bootstrap) and the ones created at runtime (by hash, in the store,
 * revocable with effect on the next request). The token itself exists only in the answer that creates it.
 */
@Service
public class ApiTokens {

    private final List<ConfiguredToken> configured;
    private final ApiTokenStore store;
    private final Clock clock;

    ApiTokens(SecurityProperties properties, ApiTokenStore store, Clock clock) {
        this.configured = properties.tokens();
        this.store = store;
        this.clock = clock;
    }

    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        String hash = TokenHash.sha256(token);
        for (ConfiguredToken c : configured) {
            if (TokenHash.sameHash(c.sha256(), hash)) {
                return Optional.of(Caller.token(c.name(), c.scopes(), c.services()));
            }
        }
        return store.findActiveByHash(hash).map(ApiToken::caller);
    }

    /**
     * A new token, shown once. Created tokens cannot manage tokens: only configured ones can.
     *
     * @throws AdminScopeRefusedException when the admin scope is asked for
     * @throws TokenNameTakenException when a token of that name exists
     */
    public Created create(String name, Set<Scope> scopes, Set<String> services, String createdBy) {
        if (scopes.contains(Scope.ADMIN)) {
            throw new AdminScopeRefusedException();
        }
        if (configured.stream().anyMatch(c -> c.name().equals(name))) {
            throw new TokenNameTakenException(name);
        }
        String token = TokenHash.newToken();
        ApiToken stored = new ApiToken(name, EnumSet.copyOf(scopes), services, createdBy, clock.instant(), null, null);
        if (!store.insert(stored, TokenHash.sha256(token))) {
            throw new TokenNameTakenException(name);
        }
        return new Created(stored, token);
    }

    /** @return false when there was no active token of that name */
    public boolean revoke(String name, String revokedBy) {
        return store.revoke(name, revokedBy, clock.instant());
    }

    public List<ApiToken> list() {
        return store.all();
    }

    /** A created token and, this once, its value. */
    public record Created(ApiToken token, String value) {}

    /** A created token asked for the admin scope, which only configured tokens have; answered with 400. */
    public static final class AdminScopeRefusedException extends RuntimeException {
        AdminScopeRefusedException() {
            super("the admin scope is given only to configured tokens");
        }
    }

    public static final class TokenNameTakenException extends RuntimeException {
        TokenNameTakenException(String name) {
            super("a token named '" + name + "' already exists");
        }
    }
}

package dev.ecscanary.controller.security;

import dev.ecscanary.controller.security.tokens.ApiTokens;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * One bearer header, two kinds of credential: a JWT (three dot-separated parts) goes to the OIDC provider when CI
 * tokens are configured; anything else is looked up as an API token. Error messages never repeat the token.
 */
final class BearerAuthentication implements AuthenticationManager {

    private final AuthenticationProvider jwt;
    private final ApiTokens tokens;

    /** @param jwt null when no OIDC audience is configured */
    BearerAuthentication(AuthenticationProvider jwt, ApiTokens tokens) {
        this.jwt = jwt;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (looksLikeJwt(token)) {
            if (jwt == null) {
                throw invalid("ID tokens are not accepted: no OIDC audience is configured");
            }
            return jwt.authenticate(authentication);
        }
        return tokens.authenticate(token)
                .<Authentication>map(CallerAuthentication::new)
                .orElseThrow(() -> invalid("unknown or revoked API token"));
    }

    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        BearerTokenError error = BearerTokenErrors.invalidToken(description);
        return new OAuth2AuthenticationException(new OAuth2Error(error.getErrorCode(), description, null), description);
    }
}

package dev.ecscanary.controller.security.github;

import dev.ecscanary.controller.security.SecurityProperties;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The decoder of CI callers' ID tokens: signature by a key from the issuer's JWKS (fetched lazily, cached, fetched
 * again when a token names an unknown key id) with only the configured asymmetric algorithms, so {@code alg: none}
 * and HMAC tokens are refused before any key is looked at; then issuer, audience, expiry and not-before.
 */
public final class GitHubTokenDecoder {

    private GitHubTokenDecoder() {}

    public static JwtDecoder build(SecurityProperties.Oidc oidc) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.effectiveJwksUri())
                .jwsAlgorithms(algorithms -> oidc.algorithms().forEach(a -> algorithms.add(SignatureAlgorithm.from(a))))
                .build();
        decoder.setJwtValidator(validator(oidc));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Oidc oidc) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                required(JwtClaimNames.EXP),
                new JwtTimestampValidator(oidc.clockSkew()),
                new JwtIssuerValidator(oidc.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(oidc.audience()))));
    }

    private static OAuth2TokenValidator<Jwt> required(String claim) {
        return jwt -> jwt.hasClaim(claim)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The " + claim + " claim is missing", null));
    }
}

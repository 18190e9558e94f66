package dev.ecscanary.controller.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the controller ({@code controller.security.*}). At least one way in must be configured: an OIDC
 * audience, a configured token, or an OpenID Connect login registration ({@code spring.security.oauth2.client.*}).
 *
 * @param oidc         GitHub Actions OIDC ID tokens for CI callers
 * @param policy       which CI callers (by their token's claims) may release which services; default none
 * @param tokens       bootstrap API tokens, by SHA-256; default none (more are created through {@code /api/tokens})
 * @param login        sign-in to the status page
 * @param publicRead   whether the status page may be read without signing in; default {@code false}
 * @param rateLimits   per-caller request budgets
 * @param maxBodyBytes the largest request body accepted; default 65536
 */
@Validated
@ConfigurationProperties("controller.security")
public record SecurityProperties(
        @Valid @DefaultValue Oidc oidc,
        @DefaultValue List<@Valid PolicyRule> policy,
        @DefaultValue List<@Valid ConfiguredToken> tokens,
        @Valid @DefaultValue Login login,
        @DefaultValue("false") boolean publicRead,
        @Valid @DefaultValue RateLimits rateLimits,
        @DefaultValue("65536") @Min(1024) @Max(10_485_760) int maxBodyBytes) {

    /**
     * @param issuer     expected {@code iss}; default {@code https://token.actions.githubusercontent.com}
     * @param jwksUri    where the issuer's signing keys are; default the issuer's {@code /.well-known/jwks}
     * @param audience   expected {@code aud}; CI tokens are accepted only when this is set
     * @param algorithms accepted signature algorithms (RS*, PS*, ES* only; never HMAC or none); default RS256
     * @param clockSkew  tolerance on {@code exp} and {@code nbf}; default 30s
     */
    public record Oidc(
            @DefaultValue("https://token.actions.githubusercontent.com") @NotBlank
            String issuer,

            String jwksUri,
            String audience,

            @DefaultValue("RS256") @NotEmpty
            Set<
                            @Pattern(
                                    regexp = "(RS|PS|ES)(256|384|512)",
                                    message = "must be an asymmetric JWS algorithm (RS, PS or ES with 256, 384 or 512)")
                            String>
                    algorithms,

            @DefaultValue("30s") Duration clockSkew) {

        public boolean enabled() {
            return audience != null && !audience.isBlank();
        }

        public String effectiveJwksUri() {
            return jwksUri != null && !jwksUri.isBlank() ? jwksUri : issuer.replaceAll("/+$", "") + "/.well-known/jwks";
        }
    }

    /**
     * One rule of the CI policy: callers whose token claims all match may release the services to the environments.
     *
     * @param name         named in every refusal and on the audit trail
     * @param match        claim patterns; {@code repository} is required so no rule matches every GitHub repository
     * @param services     services granted ({@code *} globs allowed)
     * @param environments environments granted; empty grants releases that name no environment, and {@code *} any
     */
    public record PolicyRule(
            @NotBlank String name,
            @Valid Match match,
            @NotEmpty List<@NotBlank String> services,
            @DefaultValue List<@NotBlank String> environments) {}

    /**
     * Claim patterns: exact values, or globs with {@code *} (any characters) and {@code ?} (one). Unset matches any.
     *
     * @param repository {@code repository} claim, e.g. {@code acme/shop}
     * @param ref        {@code ref} claim, e.g. {@code refs/heads/main}
     * @param environment GitHub environment of the job ({@code environment} claim)
     * @param workflow   {@code workflow} claim (the workflow's name)
     */
    public record Match(@NotBlank String repository, String ref, String environment, String workflow) {}

    /**
     * A token known from the configuration (not revocable without a restart: use {@code /api/tokens} for those).
     *
     * @param name     shown on the audit trail
     * @param sha256   hex SHA-256 of the token ({@code printf %s "$TOKEN" | sha256sum})
     * @param scopes   what it may do: deploy, rollback, read, admin (admin manages tokens)
     * @param services services it may deploy and roll back; empty means every service
     */
    public record ConfiguredToken(
            @NotBlank String name,

            @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lower-case hex SHA-256")
            String sha256,

            @NotEmpty Set<Scope> scopes,
            @DefaultValue Set<@NotBlank String> services) {}

    /**
     * @param roleClaim claim of the signed-in user whose values decide the role; default {@code groups}
     * @param operators claim values that make an operator (may roll back)
     * @param viewers   claim values that make a viewer (may read); operators may read too
     * @param tokenForm whether the sign-in page also accepts an API token (its scopes give the role); default false
     */
    public record Login(
            @DefaultValue("groups") @NotBlank String roleClaim,
            @DefaultValue List<String> operators,
            @DefaultValue List<String> viewers,
            @DefaultValue("false") boolean tokenForm) {}

    /**
     * Token buckets per caller (or per remote address before authentication).
     *
     * @param mutationsPerMinute deploys, rollbacks and token changes; default 20
     * @param readsPerMinute     reads of the API; default 600
     * @param failedAuthenticationsPerMinute refused credentials per remote address before its requests are
     *                           refused unread (no token check, no JWKS fetch, no audit row); default 30
     */
    public record RateLimits(
            @DefaultValue("20") @Min(1) int mutationsPerMinute,
            @DefaultValue("600") @Min(1) int readsPerMinute,
            @DefaultValue("30") @Min(1) int failedAuthenticationsPerMinute) {}
}

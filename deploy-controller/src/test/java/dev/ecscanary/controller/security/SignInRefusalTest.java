package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The sentence a refused OpenID Connect sign-in shows, for the refusals Spring Security raises; the browser test
 * ({@link OidcSignInBrowserTest}) drives the nonce, audience and expiry cases through a real provider.
 */
class SignInRefusalTest {

    static final ClientRegistration CORP = ClientRegistration.withRegistrationId("corp")
            .clientId("deploy-controller")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("https://idp.example/authorize")
            .tokenUri("https://idp.example/token")
            .jwkSetUri("https://idp.example/jwks")
            .issuerUri("https://idp.example")
            .build();

    @Test
    void anIdTokenFailingSeveralClaimChecksNamesEachInWords() {
        Jwt token = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("https://evil.example")
                .subject("alice")
                .audience(List.of("some-other-client"))
                .issuedAt(Instant.now().minusSeconds(900))
                .expiresAt(Instant.now().minusSeconds(600))
                .build();
        String description = new OidcIdTokenValidator(CORP)
                .validate(token)
                .getErrors()
                .iterator()
                .next()
                .getDescription();

        assertThat(describe("invalid_id_token", "An error occurred while attempting to decode the Jwt: " + description))
                .startsWith("The identity provider's ID token ")
                .contains("is meant for another client", "has expired", "comes from another issuer")
                .doesNotContain("evil.example", "some-other-client");
    }

    @Test
    void aStateOrRequestThatIsNotThisSessionsSaysToStartAgain() {
        assertThat(describe("authorization_request_not_found", null)).contains("start again");
        assertThat(describe("invalid_state_parameter", null)).contains("start again");
    }

    @Test
    void theProvidersOwnRefusalIsPassedOnWithoutAnythingTokenLike() {
        assertThat(describe("access_denied", "user cancelled the sign-in"))
                .isEqualTo("The identity provider did not let you sign in: user cancelled the sign-in");
        String tokenLike = "eyJhbGciOiJSUzI1NiJ9eyJzdWIiOiJhbGljZSJ9abcdefghijklmnop";
        assertThat(describe("invalid_token_response", "could not read " + tokenLike))
                .contains("invalid_token_response", "[redacted]")
                .doesNotContain(tokenLike);
    }

    @Test
    void aRefusalThatIsNotOAuthSaysOnlyThatItWasRefused() {
        assertThat(SignInRefusal.describe(new BadCredentialsException("secret detail")))
                .isEqualTo("The sign-in was refused.");
    }

    private static String describe(String code, String description) {
        return SignInRefusal.describe(new OAuth2AuthenticationException(new OAuth2Error(code, description, null)));
    }
}

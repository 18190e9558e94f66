package dev.ecscanary.controller.security;

import dev.ecscanary.controller.fakes.FakeAwsConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole controller on a real port (cookies as a browser sees them) and through MockMvc, with the test profile's
 * tokens and policy, the {@link JwksServer} as the ID token issuer's JWKS, an OpenID Connect login registration
 * (never contacted) and the token sign-in form. One context for every subclass.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "controller.security.login.token-form=true",
            "controller.security.login.operators=release-engineers",
            "controller.security.login.viewers=developers",
            "spring.security.oauth2.client.registration.corp.client-id=deploy-controller",
            "spring.security.oauth2.client.registration.corp.client-secret=test-client-secret",
            "spring.security.oauth2.client.registration.corp.scope=openid,profile,groups",
            "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.corp.authorization-uri=https://idp.example/authorize",
            "spring.security.oauth2.client.provider.corp.token-uri=https://idp.example/token",
            "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://idp.example/jwks",
            "spring.security.oauth2.client.provider.corp.user-info-uri=https://idp.example/userinfo",
            "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FakeAwsConfiguration.class)
abstract class SecurityTest {

    @DynamicPropertySource
    static void issuerKeys(DynamicPropertyRegistry registry) {
        registry.add("test.jwks.port", () -> JwksServer.get().port());
    }
}

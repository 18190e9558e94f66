package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.security.SecurityProperties.ConfiguredToken;
import dev.ecscanary.controller.security.github.ClaimPolicyTest;
import dev.ecscanary.controller.security.tokens.TokenHash;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Safe defaults: no authentication configured, no start; the rehearsal's well-known tokens only on loopback. */
class StartupRequirementTest {

    static final SecurityProperties NOTHING = ClaimPolicyTest.properties(List.of());

    @Test
    void withNoAuthenticationConfiguredTheControllerDoesNotStartAndSaysWhatToConfigure() {
        assertThatThrownBy(() -> AuthenticationRequirement.check(NOTHING, false, false, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("controller.security.oidc.audience")
                .hasMessageContaining("controller.security.tokens")
                .hasMessageContaining("spring.security.oauth2.client.registration");
        assertThatThrownBy(() -> AuthenticationRequirement.check(NOTHING, false, false, "127.0.0.1"))
                .as("loopback alone is not enough outside the rehearsal")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anyOneWayInIsEnough() {
        assertThatCode(() -> AuthenticationRequirement.check(withToken(), false, false, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> AuthenticationRequirement.check(NOTHING, true, false, null))
                .doesNotThrowAnyException();
    }

    @Test
    void theRehearsalStartsOnlyOnLoopback() {
        assertThatCode(() -> AuthenticationRequirement.check(withToken(), false, true, "127.0.0.1"))
                .doesNotThrowAnyException();
        assertThatCode(() -> AuthenticationRequirement.check(withToken(), false, true, "::1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AuthenticationRequirement.check(withToken(), false, true, null))
                .hasMessageContaining("server.address=127.0.0.1");
        assertThatThrownBy(() -> AuthenticationRequirement.check(withToken(), false, true, "0.0.0.0"))
                .hasMessageContaining("loopback");
    }

    private static SecurityProperties withToken() {
        return new SecurityProperties(
                NOTHING.oidc(),
                List.of(),
                List.of(new ConfiguredToken("ci", TokenHash.sha256("x"), Set.of(Scope.DEPLOY), Set.of())),
                NOTHING.login(),
                false,
                NOTHING.rateLimits(),
                NOTHING.maxBodyBytes());
    }
}

package dev.ecscanary.controller.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.security.SecurityProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** Roles of people signed in through OpenID Connect, from one claim of their ID token. */
class RolesTest {

    final Roles roles = new Roles(
            new SecurityProperties.Login("groups", List.of("release-engineers"), List.of("developers"), false));

    @Test
    void anOperatorGroupMakesAnOperatorWhoMayReadAndRollBack() {
        assertThat(names(roles.mapAuthorities(List.of(user(List.of("staff", "release-engineers"))))))
                .contains("ROLE_operator", "ROLE_viewer", "SCOPE_read", "SCOPE_rollback")
                .doesNotContain("SCOPE_deploy");
    }

    @Test
    void aViewerGroupOnlyReads() {
        assertThat(names(roles.mapAuthorities(List.of(user(List.of("developers"))))))
                .containsExactlyInAnyOrder("ROLE_viewer", "SCOPE_read");
    }

    @Test
    void noMatchingGroupNoRole() {
        assertThat(roles.mapAuthorities(List.of(user(List.of("marketing"))))).isEmpty();
        assertThat(roles.mapAuthorities(List.of(user(null)))).isEmpty();
    }

    private static OidcUserAuthority user(List<String> groups) {
        Map<String, Object> claims = groups == null ? Map.of("sub", "alice") : Map.of("sub", "alice", "groups", groups);
        return new OidcUserAuthority(
                new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims));
    }

    private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}

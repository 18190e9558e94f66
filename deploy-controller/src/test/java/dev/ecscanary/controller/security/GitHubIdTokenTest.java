package dev.ecscanary.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

/**
 * CI callers with GitHub Actions OIDC ID tokens, signed by keys the {@link JwksServer} publishes: the good one
 * releases and is on the record by repository, ref and run; every forgery and every stale or misdirected token is a
 * 401; a token the policy does not cover is a 403 that names the rule.
 */
class GitHubIdTokenTest extends SecurityScenarios {

    @Test
    void aValidIdTokenFromAPolicyRepositoryReleasesAndIsOnTheRecordByRepositoryRefAndRun() throws Exception {
        deployAs(IdTokens.valid().signed(), BODY)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestedBy").value("github:acme/shop@refs/heads/main run 4242"));
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIs401() throws Exception {
        deployAs(IdTokens.valid().tamperedRepository("evil/shop"), BODY).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        deployAs(IdTokens.valid().expiredMinutesAgo(5).signed(), BODY)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("expired")));
    }

    @Test
    void aTokenNotYetValidIs401() throws Exception {
        deployAs(IdTokens.valid().notBeforeInMinutes(10).signed(), BODY).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        deployAs(IdTokens.valid().audience("some-other-service").signed(), BODY)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("aud")));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        deployAs(IdTokens.valid().issuer("https://evil.example").signed(), BODY)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("iss")));
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() throws Exception {
        deployAs(IdTokens.valid().unsigned(), BODY).andExpect(status().isUnauthorized());
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIs401() throws Exception {
        deployAs(IdTokens.valid().hmacWithPublicKey(), BODY).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenSignedByAKeyTheIssuerDoesNotPublishIs401() throws Exception {
        deployAs(IdTokens.valid().signedWith(JwksServer.newKey("published-1")), BODY)
                .andExpect(status().isUnauthorized());
        deployAs(IdTokens.valid().signedWith(JwksServer.newKey("never-published")), BODY)
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aKeyTheIssuerPublishesLaterIsFetchedWhenATokenNamesIt() throws Exception {
        read("/api/deployments", IdTokens.valid().signed()).andExpect(status().isOk()); // the JWKS is cached now
        int fetches = JwksServer.get().fetches();
        RSAKey rotated = JwksServer.newKey("rotated-" + System.nanoTime());
        JwksServer.get().publish(rotated);
        read("/api/deployments", IdTokens.valid().signedWith(rotated)).andExpect(status().isOk());
        assertThat(JwksServer.get().fetches()).isGreaterThan(fetches);
    }

    @Test
    void aRepositoryNoRuleMatchesIs403SayingSo() throws Exception {
        deployAs(IdTokens.valid().claim("repository", "acme/other").signed(), BODY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:forbidden"))
                .andExpect(jsonPath("$.detail").value(containsString("repository=acme/other")));
    }

    @Test
    void aBranchTheRuleDoesNotCoverIs403() throws Exception {
        deployAs(IdTokens.valid().claim("ref", "refs/heads/feature").signed(), BODY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("ref=refs/heads/feature")));
    }

    @Test
    void anEnvironmentTheRuleDoesNotGrantIs403NamingTheRule() throws Exception {
        deployAs(IdTokens.valid().signed(), BODY.replace("\"production\"", "\"staging\""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("rule 'shop-main-to-production'")))
                .andExpect(jsonPath("$.detail").value(containsString("'staging'")));
    }

    @Test
    void aServiceTheRuleDoesNotGrantIs403NamingTheRule() throws Exception {
        deployAs(IdTokens.valid().signed(), BODY.replace("\"demo-app\"", "\"billing\""))
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.detail").value(containsString("rule 'shop-main-to-production' grants services")));
    }

    @Test
    void aCiCallerMayReadButNotRollBack() throws Exception {
        var id = releaseInFlight();
        String token = IdTokens.valid().signed();
        read("/api/deployments/" + id, token).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/deployments/" + id + "/rollback")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("rollback")));
    }

    @Test
    void the401NamesNoTokenAndSaysHowToAuthenticate() throws Exception {
        String forged = IdTokens.valid().tamperedRepository("evil/shop");
        deployAs(forged, BODY)
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(content().string(not(containsString(forged.substring(0, 30)))))
                .andExpect(content().string(not(containsString(forged.split("\\.")[2]))));
        deployAs(null, BODY)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:unauthenticated"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.properties").doesNotExist())
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
    }
}

package dev.ecscanary.controller.security.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.Scope;
import dev.ecscanary.controller.security.SecurityProperties;
import dev.ecscanary.controller.security.SecurityProperties.Match;
import dev.ecscanary.controller.security.SecurityProperties.PolicyRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CI policy on its own: claim globs, and refusals that name the rule that came closest. */
public class ClaimPolicyTest {

    final ClaimPolicy policy = new ClaimPolicy(properties(List.of(
            new PolicyRule(
                    "shop-main",
                    new Match("acme/shop", "refs/heads/main", null, null),
                    List.of("demo-app"),
                    List.of("production")),
            new PolicyRule(
                    "shop-tags-to-staging",
                    new Match("acme/shop", "refs/tags/v*", null, "deploy*"),
                    List.of("demo-*"),
                    List.of("staging", "qa-?")))));

    @Test
    void globsMatchWholeValuesAndQuoteEverythingElse() {
        assertThat(Glob.matches("refs/tags/v*", "refs/tags/v1.2.3")).isTrue();
        assertThat(Glob.matches("refs/tags/v*", "xrefs/tags/v1")).isFalse();
        assertThat(Glob.matches("acme/shop", "acme/shop-fork")).isFalse();
        assertThat(Glob.matches("a.c", "abc")).as("a dot is a dot").isFalse();
        assertThat(Glob.matches("qa-?", "qa-1")).isTrue();
        assertThat(Glob.matches("qa-?", "qa-12")).isFalse();
        assertThat(Glob.matches("x", null))
                .as("an absent claim matches no pattern")
                .isFalse();
        assertThat(Glob.matches(null, null))
                .as("an unset pattern matches anything")
                .isTrue();
    }

    /** Found by GlobFuzzTest: compiled to a regular expression, a pattern of many stars backtracked for seconds. */
    @Test
    void aPatternOfManyStarsAgainstAClaimItDoesNotMatchAnswersAtOnce() {
        String pattern = "*a".repeat(30) + "*b";
        String claim = "a".repeat(255);
        assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> assertThat(Glob.matches(pattern, claim)).isFalse());
        assertThat(Glob.matches(pattern, claim + "b")).isTrue();
        assertThat(Glob.matches("*\\E]*", "x\\E]y"))
                .as("regex quoting characters are just characters")
                .isTrue();
    }

    @Test
    void aMatchingRuleGrantsItsServicesAndEnvironments() {
        assertThat(policy.refusal(caller("acme/shop", "refs/heads/main", "ci"), "demo-app", "production"))
                .isEmpty();
        assertThat(policy.refusal(caller("acme/shop", "refs/tags/v2.0.0", "deploy-prod"), "demo-api", "qa-1"))
                .isEmpty();
    }

    @Test
    void aRefusalNamesTheRuleAndWhatItGrants() {
        assertThat(policy.refusal(caller("acme/shop", "refs/heads/main", "ci"), "demo-app", "staging"))
                .hasValueSatisfying(r -> assertThat(r).contains("rule 'shop-main'", "[production]", "'staging'"));
        assertThat(policy.refusal(caller("acme/shop", "refs/tags/v1", "deploy"), "billing", "staging"))
                .hasValueSatisfying(
                        r -> assertThat(r).contains("rule 'shop-tags-to-staging'", "[demo-*]", "'billing'"));
        assertThat(policy.refusal(caller("acme/shop", "refs/heads/main", "ci"), "demo-app", null))
                .hasValueSatisfying(r -> assertThat(r).contains("a release without one"));
    }

    @Test
    void noMatchingRuleSaysWhichClaimsWereSeen() {
        assertThat(policy.refusal(caller("acme/shop", "refs/heads/feature", "ci"), "demo-app", "production"))
                .hasValueSatisfying(r -> assertThat(r)
                        .isEqualTo("no policy rule matches ref=refs/heads/feature, repository=acme/shop, workflow=ci"));
        assertThat(policy.matching(Map.of("repository", "evil/shop", "ref", "refs/heads/main")))
                .isEmpty();
    }

    private static Caller caller(String repository, String ref, String workflow) {
        return new Caller(
                Caller.Kind.GITHUB,
                "sub",
                "github:" + repository,
                repository,
                null,
                null,
                Set.of(Scope.DEPLOY, Scope.READ),
                Set.of(),
                Map.of("repository", repository, "ref", ref, "workflow", workflow));
    }

    public static SecurityProperties properties(List<PolicyRule> rules) {
        return new SecurityProperties(
                new SecurityProperties.Oidc(
                        "https://token.actions.githubusercontent.com",
                        null,
                        null,
                        Set.of("RS256"),
                        java.time.Duration.ofSeconds(30)),
                rules,
                List.of(),
                new SecurityProperties.Login("groups", List.of(), List.of(), false),
                false,
                new SecurityProperties.RateLimits(20, 600, 30),
                65536);
    }
}

package dev.ecscanary.controller.security.github;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.SecurityProperties;
import dev.ecscanary.controller.security.SecurityProperties.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The CI policy: which callers, by the claims of their GitHub Actions OIDC token, may release which services to which
 * environments. A refusal names the rule that came closest, so the fix is obvious from the 403 alone.
 */
@Component
public class ClaimPolicy {

    static final List<String> CLAIMS = List.of("repository", "ref", "environment", "workflow");

    private final List<PolicyRule> rules;

    public ClaimPolicy(SecurityProperties properties) {
        this.rules = properties.policy();
    }

    /** The rules whose claim patterns all match. */
    List<PolicyRule> matching(Map<String, String> claims) {
        List<PolicyRule> matched = new ArrayList<>();
        for (PolicyRule rule : rules) {
            var m = rule.match();
            if (m != null
                    && Glob.matches(m.repository(), claims.get("repository"))
                    && Glob.matches(m.ref(), claims.get("ref"))
                    && Glob.matches(m.environment(), claims.get("environment"))
                    && Glob.matches(m.workflow(), claims.get("workflow"))) {
                matched.add(rule);
            }
        }
        return matched;
    }

    /** Empty when allowed, else why not. */
    public java.util.Optional<String> refusal(Caller caller, String service, String environment) {
        List<PolicyRule> matched = matching(caller.claims());
        if (matched.isEmpty()) {
            return java.util.Optional.of("no policy rule matches " + caller.claimsText());
        }
        List<String> reasons = new ArrayList<>();
        for (PolicyRule rule : matched) {
            if (rule.services().stream().noneMatch(s -> Glob.matches(s, service))) {
                reasons.add(
                        "rule '" + rule.name() + "' grants services " + rule.services() + ", not '" + service + "'");
            } else if (!environmentGranted(rule, environment)) {
                reasons.add("rule '" + rule.name() + "' grants environments " + rule.environments() + ", not "
                        + (environment == null ? "a release without one" : "'" + environment + "'"));
            } else {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(String.join("; ", reasons));
    }

    private static boolean environmentGranted(PolicyRule rule, String environment) {
        if (environment == null) {
            return rule.environments().isEmpty() || rule.environments().contains("*");
        }
        return rule.environments().stream().anyMatch(e -> Glob.matches(e, environment));
    }
}

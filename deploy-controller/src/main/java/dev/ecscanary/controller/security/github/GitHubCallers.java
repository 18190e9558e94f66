package dev.ecscanary.controller.security.github;

import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CallerAuthentication;
import dev.ecscanary.controller.security.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified GitHub Actions OIDC token into a {@link Caller}: it may deploy and read when at least one policy
 * rule matches its claims (which services and environments is decided per request by the {@link ClaimPolicy}).
 */
public final class GitHubCallers implements Converter<Jwt, CallerAuthentication> {

    private final ClaimPolicy policy;

    public GitHubCallers(ClaimPolicy policy) {
        this.policy = policy;
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (String name : ClaimPolicy.CLAIMS) {
            String value = jwt.getClaimAsString(name);
            if (value != null) {
                claims.put(name, value);
            }
        }
        Set<Scope> scopes = policy.matching(claims).isEmpty() ? Set.of() : Set.of(Scope.DEPLOY, Scope.READ);
        String run = runUrl(jwt);
        String display = "github:" + claims.getOrDefault("repository", jwt.getSubject())
                + (claims.containsKey("ref") ? "@" + claims.get("ref") : "")
                + (jwt.getClaimAsString("run_id") != null ? " run " + jwt.getClaimAsString("run_id") : "");
        return new CallerAuthentication(new Caller(
                Caller.Kind.GITHUB,
                jwt.getSubject(),
                display,
                claims.get("repository"),
                run,
                null,
                scopes,
                Set.of(),
                claims));
    }

    private static String runUrl(Jwt jwt) {
        String repository = jwt.getClaimAsString("repository");
        String runId = jwt.getClaimAsString("run_id");
        if (repository == null || runId == null) {
            return runId;
        }
        String attempt = jwt.getClaimAsString("run_attempt");
        return "https://github.com/" + repository + "/actions/runs/" + runId
                + (attempt == null ? "" : "/attempts/" + attempt);
    }
}

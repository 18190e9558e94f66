package dev.ecscanary.controller.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An authenticated caller as the audit trail and the deployment record name it.
 *
 * @param kind        how it proved who it is
 * @param subject     the token's {@code sub}, the token's name or the user's name
 * @param display     what {@code requestedBy} and the audit trail show, e.g. {@code github:acme/shop@refs/heads/main run 42}
 * @param repository  for CI callers, the {@code repository} claim
 * @param workflowRun for CI callers, the workflow run's URL
 * @param tokenName   for API tokens, the token's name
 * @param scopes      what it may do at all; services and environments are checked per request
 * @param services    for API tokens, the services it is limited to; empty means all
 * @param claims      for CI callers, the claims the policy matches on
 */
public record Caller(
        Kind kind,
        String subject,
        String display,
        String repository,
        String workflowRun,
        String tokenName,
        Set<Scope> scopes,
        Set<String> services,
        Map<String, String> claims) {

    public enum Kind {
        /** a GitHub Actions OIDC ID token */
        GITHUB,
        /** an API token */
        TOKEN,
        /** a release engineer signed in to the status page */
        USER,
        /** nobody has proved anything */
        ANONYMOUS
    }

    public static final Caller ANONYMOUS =
            new Caller(Kind.ANONYMOUS, null, "anonymous", null, null, null, Set.of(), Set.of(), Map.of());

    public Caller {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        services = Set.copyOf(services);
        claims = java.util.Collections.unmodifiableMap(new TreeMap<>(claims));
    }

    public static Caller token(String name, Set<Scope> scopes, Set<String> services) {
        return new Caller(Kind.TOKEN, name, "token:" + name, null, null, name, scopes, services, Map.of());
    }

    static Caller user(String name, Set<Scope> scopes) {
        return new Caller(Kind.USER, name, "user:" + name, null, null, null, scopes, Set.of(), Map.of());
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    /** Why this caller lacks a scope, in words that name the token, rule or role to change. */
    String whyNot(Scope scope) {
        return switch (kind) {
            case TOKEN -> "token '" + tokenName + "' does not have the '" + scope.label() + "' scope";
            case GITHUB -> "no policy rule grants '" + scope.label() + "' to " + claimsText();
            case USER -> "user '" + subject + "' is not " + (scope == Scope.READ ? "a viewer" : "an operator");
            case ANONYMOUS -> "sign in first";
        };
    }

    public String claimsText() {
        StringBuilder text = new StringBuilder();
        claims.forEach((k, v) ->
                text.append(text.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return text.toString();
    }
}

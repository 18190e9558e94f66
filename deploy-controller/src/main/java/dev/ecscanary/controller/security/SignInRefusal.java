package dev.ecscanary.controller.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Why an OpenID Connect sign-in was refused, in a sentence a release engineer can act on: which check of the
 * provider's ID token failed (nonce, audience, expiry, issuer...), never the token or its claims' values.
 */
public final class SignInRefusal {

    /** The session attribute that carries the sentence to the page that shows it. */
    public static final String SESSION_ATTRIBUTE = SignInRefusal.class.getName();

    private SignInRefusal() {}

    public static String describe(AuthenticationException e) {
        if (!(e instanceof OAuth2AuthenticationException oauth)) {
            return "The sign-in was refused.";
        }
        OAuth2Error error = oauth.getError();
        String description = error.getDescription() == null ? "" : error.getDescription();
        return switch (error.getErrorCode()) {
            case "invalid_nonce" ->
                "The identity provider's ID token does not carry the nonce this sign-in sent,"
                        + " so it may be a replayed or mixed-up answer.";
            case "invalid_id_token" -> "The identity provider's ID token " + idTokenProblem(description) + ".";
            case "authorization_request_not_found", "invalid_state_parameter" ->
                "This sign-in was not started from" + " this browser session, or it took too long; start again.";
            case "access_denied" ->
                "The identity provider did not let you sign in"
                        + (description.isEmpty() ? "." : ": " + SecurityProblems.sanitized(description));
            default ->
                "The identity provider's answer was not accepted (" + error.getErrorCode()
                        + (description.isEmpty() ? "" : ": " + SecurityProblems.sanitized(description)) + ").";
        };
    }

    private static String idTokenProblem(String description) {
        List<String> problems = new ArrayList<>();
        if (names(description, "aud") || names(description, "azp")) {
            problems.add("is meant for another client (its audience is not this controller's client id)");
        }
        if (names(description, "exp") || description.contains("Jwt expired at")) {
            problems.add("has expired");
        }
        if (description.contains("Jwt used before")) {
            problems.add("is not valid yet");
        }
        if (names(description, "iat")) {
            problems.add("says it was issued in the future");
        }
        if (names(description, "iss")) {
            problems.add("comes from another issuer");
        }
        if (names(description, "sub")) {
            problems.add("names no subject");
        }
        return problems.isEmpty()
                ? "could not be verified: " + SecurityProblems.sanitized(description)
                : String.join(" and ", problems);
    }

    /**
     * Whether Spring's description names the claim: the ID token validator lists invalid claims as
     * {@code {aud=[x], exp=...}}; the decoder's own timestamp check says "Jwt expired at ..." instead.
     */
    private static boolean names(String description, String claim) {
        return Pattern.compile("[{,\\s]" + claim + "=").matcher(description).find();
    }
}

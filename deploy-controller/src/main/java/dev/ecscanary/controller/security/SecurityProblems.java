package dev.ecscanary.controller.security;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.problem.ProblemJson;
import dev.ecscanary.controller.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401, 403, 413 and 429 as RFC 9457 problem+json, like every other error of the API. The detail says what
 * was missing or which rule refused, and never repeats a credential.
 */
public final class SecurityProblems {

    private SecurityProblems() {}

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader(
                    "WWW-Authenticate",
                    "Bearer realm=\"deploy-controller\"" + (hasBearer(request) ? ", error=\"invalid_token\"" : ""));
            write(
                    request,
                    response,
                    ProblemType.UNAUTHENTICATED,
                    hasBearer(request)
                            ? "the bearer token was not accepted: " + why(e)
                            : "send Authorization: Bearer <GitHub Actions ID token or API token>");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            Scope needed = RequiredScope.of(request);
            Caller caller = CurrentCaller.get();
            write(
                    request,
                    response,
                    ProblemType.FORBIDDEN,
                    needed == null
                            ? "the request was refused (missing or invalid CSRF token?)"
                            : caller.whyNot(needed));
        };
    }

    /** Answers with the problem, its detail also kept as the audit entry's reason. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        AuditDetails.reason(request, detail);
        ProblemJson.write(response, type.with(detail), request.getRequestURI());
    }

    /** The OAuth2 error description when there is one; generic otherwise, so no exception text can carry a token. */
    private static String why(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return sanitized(oauth.getError().getDescription());
        }
        return "invalid token";
    }

    /** Nimbus' messages name claims and algorithms, but strip anything token-like (long unbroken runs) to be sure. */
    static String sanitized(String text) {
        return text.replaceAll("[A-Za-z0-9_\\-.=+/]{40,}", "[redacted]");
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}

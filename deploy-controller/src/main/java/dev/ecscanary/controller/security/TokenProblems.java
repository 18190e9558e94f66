package dev.ecscanary.controller.security;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The token API's own refusals, as problem+json like the rest of the API. */
@RestControllerAdvice(assignableTypes = TokensController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenProblems {

    @ExceptionHandler(TokensController.TokenNotFoundException.class)
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-token", "Unknown token", e.getMessage());
    }

    @ExceptionHandler(ApiTokens.TokenNameTakenException.class)
    ProblemDetail taken(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "token-name-taken", "Token name taken", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail notAllowed(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The token cannot be created", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(SecurityProblems.TYPE_PREFIX + type));
        p.setTitle(title);
        return p;
    }
}

package dev.ecscanary.controller.security.tokens;

import dev.ecscanary.controller.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The token API's own refusals, as problem+json like the rest of the API. */
@RestControllerAdvice(assignableTypes = TokensController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenProblems {

    @ExceptionHandler(TokensController.TokenNotFoundException.class)
    ProblemDetail notFound(RuntimeException e) {
        return ProblemType.UNKNOWN_TOKEN.with(e.getMessage());
    }

    @ExceptionHandler(ApiTokens.TokenNameTakenException.class)
    ProblemDetail taken(RuntimeException e) {
        return ProblemType.TOKEN_NAME_TAKEN.with(e.getMessage());
    }

    @ExceptionHandler(ApiTokens.AdminScopeRefusedException.class)
    ProblemDetail adminScope(RuntimeException e) {
        return ProblemType.TOKEN_REFUSED.with(e.getMessage());
    }
}

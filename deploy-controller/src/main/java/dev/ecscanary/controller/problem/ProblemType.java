package dev.ecscanary.controller.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every problem type the controller answers with: its {@code type} slug, {@code title} and status. Clients and
 * {@code scripts/deploy} act on the type, so a slug, once published, does not change. A new problem is one constant
 * here and one handler where its exception is answered.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request has invalid fields", HttpStatus.BAD_REQUEST),
    NOT_ALLOWED("not-allowed", "The release is not allowed for this service", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    UNKNOWN_SERVICE("unknown-service", "Unknown service", HttpStatus.NOT_FOUND),
    UNKNOWN_DEPLOYMENT("unknown-deployment", "Unknown deployment", HttpStatus.NOT_FOUND),
    DEPLOYMENT_IN_FLIGHT("deployment-in-flight", "Another release is in flight", HttpStatus.CONFLICT),
    ALARM_FIRING("alarm-firing", Titles.PREFLIGHT, HttpStatus.CONFLICT),
    ALARM_MISSING("alarm-missing", Titles.PREFLIGHT, HttpStatus.UNPROCESSABLE_CONTENT),
    ECS_SERVICE_NOT_FOUND("ecs-service-not-found", Titles.PREFLIGHT, HttpStatus.UNPROCESSABLE_CONTENT),
    ECS_SERVICE_NOT_CODE_DEPLOY("ecs-service-not-code-deploy", Titles.PREFLIGHT, HttpStatus.UNPROCESSABLE_CONTENT),
    DEPLOYMENT_GROUP_NOT_FOUND("deployment-group-not-found", Titles.PREFLIGHT, HttpStatus.UNPROCESSABLE_CONTENT),
    DEPLOYMENT_GROUP_NOT_BLUE_GREEN(
            "deployment-group-not-blue-green", Titles.PREFLIGHT, HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused", HttpStatus.UNPROCESSABLE_CONTENT),
    DEPLOYMENT_FINISHED("deployment-finished", "The deployment has already finished", HttpStatus.CONFLICT),
    BUSY("busy", "The deployment is being changed", HttpStatus.SERVICE_UNAVAILABLE),
    AWS_UNAVAILABLE("aws-unavailable", "AWS could not be reached", HttpStatus.SERVICE_UNAVAILABLE),
    AWS_REJECTED("aws-rejected", "AWS refused the request", HttpStatus.BAD_GATEWAY),
    UNKNOWN_TOKEN("unknown-token", "Unknown token", HttpStatus.NOT_FOUND),
    TOKEN_NAME_TAKEN("token-name-taken", "Token name taken", HttpStatus.CONFLICT),
    /** Same slug as {@link #INVALID_REQUEST}: to a client both mean "fix the request"; the title says which. */
    TOKEN_REFUSED("invalid-request", "The token cannot be created", HttpStatus.BAD_REQUEST),
    BODY_TOO_LARGE("body-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    /** Same slug as {@link #RATE_LIMITED}: the client's answer (wait, then retry) is the same. */
    TOO_MANY_REFUSED_CREDENTIALS("rate-limited", "Too many refused credentials", HttpStatus.TOO_MANY_REQUESTS),
    /** A failure of the controller itself; the detail is generic so that no internal message reaches a caller. */
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    /** What every problem type's URI starts with. */
    public static final String PREFIX = "urn:ecs-canary:problem:";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** This problem with the given detail: {@code type}, {@code title}, {@code status} and {@code detail} set. */
    public ProblemDetail with(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    private static final class Titles {
        static final String PREFLIGHT = "The release was refused before it started";
    }
}

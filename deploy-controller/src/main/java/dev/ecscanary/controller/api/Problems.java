package dev.ecscanary.controller.api;

import dev.ecscanary.controller.aws.AwsRequestRejectedException;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.DeploymentFinishedException;
import dev.ecscanary.controller.deployment.DeploymentNotFoundException;
import dev.ecscanary.controller.deployment.IdempotencyConflictException;
import dev.ecscanary.controller.deployment.PreflightRefusal;
import dev.ecscanary.controller.deployment.ServiceBusyException;
import dev.ecscanary.controller.deployment.UnknownServiceException;
import dev.ecscanary.controller.security.Access;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem+json, with a stable {@code type} per cause so that a client can act on
 * it without reading the prose. Field errors list each field that was wrong under {@code errors}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:ecs-canary:problem:";

    @ExceptionHandler(FieldProblem.class)
    ProblemDetail field(FieldProblem e) {
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "The request has invalid fields",
                e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail notAllowed(IllegalArgumentException e) {
        return problem(
                HttpStatus.BAD_REQUEST, "not-allowed", "The release is not allowed for this service", e.getMessage());
    }

    @ExceptionHandler(Access.AccessRefusedException.class)
    ProblemDetail forbidden(Access.AccessRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler(UnknownServiceException.class)
    ProblemDetail unknownService(UnknownServiceException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-service", "Unknown service", e.getMessage());
    }

    @ExceptionHandler(DeploymentNotFoundException.class)
    ProblemDetail unknownDeployment(DeploymentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-deployment", "Unknown deployment", e.getMessage());
    }

    @ExceptionHandler(ServiceBusyException.class)
    ProblemDetail busy(ServiceBusyException e) {
        ProblemDetail p =
                problem(HttpStatus.CONFLICT, "deployment-in-flight", "Another release is in flight", e.getMessage());
        if (e.inFlight() != null) {
            p.setProperty("inFlightDeploymentId", e.inFlight());
            p.setProperty("inFlightDeployment", "/api/deployments/" + e.inFlight());
        }
        return p;
    }

    @ExceptionHandler(PreflightRefusal.class)
    ProblemDetail refused(PreflightRefusal e) {
        HttpStatus status = e.reason() == PreflightRefusal.Reason.ALARM_FIRING
                ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail p = problem(
                status,
                e.reason().name().toLowerCase().replace('_', '-'),
                "The release was refused before it started",
                e.getMessage());
        p.setProperty("reason", e.reason().name());
        return p;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail idempotency(IdempotencyConflictException e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused", e.getMessage());
    }

    @ExceptionHandler(DeploymentFinishedException.class)
    ProblemDetail finished(DeploymentFinishedException e) {
        return problem(
                HttpStatus.CONFLICT, "deployment-finished", "The deployment has already finished", e.getMessage());
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentChangeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "busy", "The deployment is being changed", e.getMessage()));
    }

    @ExceptionHandler(AwsUnavailableException.class)
    ResponseEntity<ProblemDetail> awsUnavailable(AwsUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "aws-unavailable", "AWS could not be reached", e.getMessage()));
    }

    @ExceptionHandler(AwsRequestRejectedException.class)
    ProblemDetail awsRejected(AwsRequestRejectedException e) {
        return problem(HttpStatus.BAD_GATEWAY, "aws-rejected", "AWS refused the request", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        for (ParameterValidationResult r : e.getParameterValidationResults()) {
            if (r instanceof ParameterErrors bound) {
                bound.getFieldErrors()
                        .forEach(f -> errors.add(
                                Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))));
            } else {
                r.getResolvableErrors()
                        .forEach(err -> errors.add(
                                Map.of("field", parameterName(r), "message", String.valueOf(err.getDefaultMessage()))));
            }
        }
        return invalid(errors);
    }

    /** 400 listing each field that was wrong, both under {@code errors} and in the detail sentence. */
    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "The request has invalid fields",
                errors.stream()
                        .map(m -> m.get("field") + ": " + m.get("message"))
                        .sorted()
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid request"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    private static String parameterName(ParameterValidationResult r) {
        RequestHeader header = r.getMethodParameter().getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = r.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_PREFIX + type));
        p.setTitle(title);
        return p;
    }
}

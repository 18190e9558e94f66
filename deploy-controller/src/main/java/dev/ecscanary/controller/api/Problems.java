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
import dev.ecscanary.controller.problem.ProblemType;
import dev.ecscanary.controller.revision.ReleaseNotAllowedException;
import dev.ecscanary.controller.security.Access;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
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
 * Every error of the API as RFC 9457 problem+json, with a stable {@code type} per cause (one {@link ProblemType}
 * each) so that a client can act on it without reading the prose. Field errors list each field that was wrong under
 * {@code errors}. Requests Spring MVC refuses before a controller runs (unreadable JSON, a path variable of the wrong
 * type) keep Spring's own problem answers.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    static final String INTERNAL_ERROR_DETAIL = "the controller failed to handle the request; its log has the details";

    @ExceptionHandler(FieldProblem.class)
    ProblemDetail field(FieldProblem e) {
        ProblemDetail p = ProblemType.INVALID_REQUEST.with(e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(ReleaseNotAllowedException.class)
    ProblemDetail notAllowed(ReleaseNotAllowedException e) {
        return ProblemType.NOT_ALLOWED.with(e.getMessage());
    }

    /**
     * An argument the code refused where no caller's input was checked: a fault of the controller, not of the request.
     * Its message may name internals, so the caller gets a generic detail and the log gets the exception.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail internal(IllegalArgumentException e) {
        log.error("Unexpected failure while handling a request", e);
        return ProblemType.INTERNAL_ERROR.with(INTERNAL_ERROR_DETAIL);
    }

    @ExceptionHandler(Access.AccessRefusedException.class)
    ProblemDetail forbidden(Access.AccessRefusedException e) {
        return ProblemType.FORBIDDEN.with(e.getMessage());
    }

    @ExceptionHandler(UnknownServiceException.class)
    ProblemDetail unknownService(UnknownServiceException e) {
        return ProblemType.UNKNOWN_SERVICE.with(e.getMessage());
    }

    @ExceptionHandler(DeploymentNotFoundException.class)
    ProblemDetail unknownDeployment(DeploymentNotFoundException e) {
        return ProblemType.UNKNOWN_DEPLOYMENT.with(e.getMessage());
    }

    @ExceptionHandler(ServiceBusyException.class)
    ProblemDetail busy(ServiceBusyException e) {
        ProblemDetail p = ProblemType.DEPLOYMENT_IN_FLIGHT.with(e.getMessage());
        if (e.inFlight() != null) {
            p.setProperty("inFlightDeploymentId", e.inFlight());
            p.setProperty("inFlightDeployment", "/api/deployments/" + e.inFlight());
        }
        return p;
    }

    @ExceptionHandler(PreflightRefusal.class)
    ProblemDetail refused(PreflightRefusal e) {
        ProblemDetail p = preflightType(e.reason()).with(e.getMessage());
        p.setProperty("reason", e.reason().name());
        return p;
    }

    private static ProblemType preflightType(PreflightRefusal.Reason reason) {
        return switch (reason) {
            case ALARM_FIRING -> ProblemType.ALARM_FIRING;
            case ALARM_MISSING -> ProblemType.ALARM_MISSING;
            case ECS_SERVICE_NOT_FOUND -> ProblemType.ECS_SERVICE_NOT_FOUND;
            case ECS_SERVICE_NOT_CODE_DEPLOY -> ProblemType.ECS_SERVICE_NOT_CODE_DEPLOY;
            case DEPLOYMENT_GROUP_NOT_FOUND -> ProblemType.DEPLOYMENT_GROUP_NOT_FOUND;
            case DEPLOYMENT_GROUP_NOT_BLUE_GREEN -> ProblemType.DEPLOYMENT_GROUP_NOT_BLUE_GREEN;
        };
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail idempotency(IdempotencyConflictException e) {
        return ProblemType.IDEMPOTENCY_KEY_REUSED.with(e.getMessage());
    }

    @ExceptionHandler(DeploymentFinishedException.class)
    ProblemDetail finished(DeploymentFinishedException e) {
        return ProblemType.DEPLOYMENT_FINISHED.with(e.getMessage());
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentChangeException e) {
        return retryAfter(2, ProblemType.BUSY.with(e.getMessage()));
    }

    @ExceptionHandler(AwsUnavailableException.class)
    ResponseEntity<ProblemDetail> awsUnavailable(AwsUnavailableException e) {
        return retryAfter(10, ProblemType.AWS_UNAVAILABLE.with(e.getMessage()));
    }

    @ExceptionHandler(AwsRequestRejectedException.class)
    ProblemDetail awsRejected(AwsRequestRejectedException e) {
        return ProblemType.AWS_REJECTED.with(e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> retryAfter(int seconds, ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds))
                .body(problem);
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
        ProblemDetail p = ProblemType.INVALID_REQUEST.with(errors.stream()
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
}

package dev.ecscanary.demo.web;

import dev.ecscanary.demo.fault.InjectedFaultException;
import dev.ecscanary.demo.tasks.InvalidQueryException;
import dev.ecscanary.demo.tasks.InvalidTaskException;
import dev.ecscanary.demo.tasks.TaskNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns every failure into an RFC 9457 problem that says what was wrong. Spring MVC's own errors (404 for an
 * unknown path, 405, 415, ...) come from the base class; this class adds the API's own and refines the
 * unreadable-body and wrong-type cases.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidTask(InvalidTaskException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid task", e.getMessage());
        problem.setProperty("errors", e.errors());
        return ResponseEntity.of(problem).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        return ResponseEntity.of(problem(HttpStatus.BAD_REQUEST, "Invalid query parameter", e.getMessage()))
                .build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(TaskNotFoundException e) {
        return ResponseEntity.of(problem(HttpStatus.NOT_FOUND, "Task not found", e.getMessage()))
                .build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> injectedFault(InjectedFaultException e) {
        return ResponseEntity.of(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Injected fault", e.getMessage()))
                .build();
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        RecoverableDataAccessException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
        log.warn("Database unavailable: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.of(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Database unavailable",
                        "The database cannot be reached; retry later"))
                .build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.of(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The request failed unexpectedly; it has been logged"))
                .build();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, BodyTooLargeException.class) != null) {
            ProblemDetail problem = problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    causedBy(e, BodyTooLargeException.class).getMessage());
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        JacksonException json = causedBy(e, JacksonException.class);
        String detail = json != null
                ? "Malformed JSON" + where(json.getLocation()) + ": " + json.getOriginalMessage()
                : e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                        ? "The request body is missing"
                        : "The request body cannot be read";
        return handleExceptionInternal(
                e,
                problem(HttpStatus.BAD_REQUEST, "Unreadable request body", detail),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        String detail = "'" + name + "' must be " + describe(e.getRequiredType()) + ", got '" + e.getValue() + "'";
        return handleExceptionInternal(
                e,
                problem(HttpStatus.BAD_REQUEST, "Invalid parameter", detail),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number in range";
        }
        return "a " + type.getSimpleName();
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}

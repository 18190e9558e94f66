package dev.ecscanary.controller.aws;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.SocketTimeoutException;
import org.apache.http.conn.ConnectTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The one place that decides what an SDK failure means: AWS could not answer (unavailable) or AWS answered no
 * (rejected). The SDK has already retried what was worth retrying when one of these reaches us.
 */
final class AwsFailures {

    private AwsFailures() {}

    /** Throttling, 5xx, timeouts and I/O errors: the kind of failure a circuit breaker should count. */
    static boolean isUnavailable(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return failure instanceof SdkClientException || failure instanceof CallNotPermittedException;
    }

    /** A short, stable label for metrics: success is recorded elsewhere. */
    static String outcome(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return "throttled";
            }
            return service.statusCode() >= 500 ? "server_error" : "client_error";
        }
        if (isTimeout(failure)) {
            return "timeout";
        }
        return failure instanceof SdkClientException ? "io_error" : "error";
    }

    /** The SDK's own call or attempt timeout, or the HTTP client's connect or read timeout underneath. */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiCallTimeoutException
                    || cause instanceof ApiCallAttemptTimeoutException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static RuntimeException translate(AwsService service, String operation, RuntimeException failure) {
        if (isUnavailable(failure)) {
            return new AwsUnavailableException(service.id(), operation, describe(failure), failure);
        }
        if (failure instanceof SdkServiceException rejected) {
            return new AwsRequestRejectedException(
                    service.id(), operation, errorCode(rejected), errorMessage(rejected), failure);
        }
        return failure;
    }

    private static String describe(RuntimeException failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (failure instanceof SdkServiceException service) {
            return errorCode(service) + " (HTTP " + service.statusCode() + ")";
        }
        return outcome(failure) + ": " + failure.getMessage();
    }

    private static String errorCode(SdkServiceException failure) {
        if (failure instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "HTTP" + failure.statusCode();
    }

    private static String errorMessage(SdkServiceException failure) {
        if (failure instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return failure.getMessage();
    }
}

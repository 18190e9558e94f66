package dev.ecscanary.controller.aws;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts and times AWS calls as the SDK makes them: {@code controller.aws.calls} (a timer; tags service,
 * operation, outcome = success, throttled, server_error, client_error, timeout, io_error) once per call after
 * its retries, and {@code controller.aws.attempts} once per HTTP attempt, so retries show as the difference.
 */
final class AwsCallMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED_NANOS =
            new ExecutionAttribute<>("controller.aws.started-nanos");

    private final AwsService service;
    private final MeterRegistry meters;

    AwsCallMetrics(AwsService service, MeterRegistry meters) {
        this.service = service;
        this.meters = meters;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED_NANOS, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        meters.counter("controller.aws.attempts", "service", service.id(), "operation", operation(attributes))
                .increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "success");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, AwsFailures.outcome(context.exception()));
    }

    private void record(ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED_NANOS);
        long elapsed = started == null ? 0 : System.nanoTime() - started;
        Timer.builder("controller.aws.calls")
                .description("AWS API calls, retries included, by outcome")
                .tag("service", service.id())
                .tag("operation", operation(attributes))
                .tag("outcome", outcome)
                .register(meters)
                .record(elapsed, TimeUnit.NANOSECONDS);
    }

    private static String operation(ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return operation == null ? "unknown" : operation;
    }
}

/**
 * The AWS SDK clients and the guard around every AWS call: clients built once per service with an optional endpoint
 * override ({@code AwsClientFactory}, {@code AwsClientsConfiguration}), timeouts and retries ({@code AwsProperties}),
 * and {@code AwsCallGuard}, which runs each call through a circuit breaker, times it ({@code AwsCallMetrics}) and turns
 * SDK failures into two domain exceptions: {@code AwsUnavailableException} (throttled, timed out, 5xx: try again) and
 * {@code AwsRequestRejectedException} (AWS refused the request: a person must look).
 *
 * <p>An adapter package: it and the adapters ({@code analysis.cloudwatch}, {@code traffic.codedeploy},
 * {@code traffic.alb}, {@code revision.ecs}) are the only places that import the SDK (AwsSdkBoundaryTest).
 */
package dev.ecscanary.controller.aws;

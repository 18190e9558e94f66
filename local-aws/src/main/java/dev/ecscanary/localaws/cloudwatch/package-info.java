/**
 * CloudWatch: the metric store the ALB stand-in publishes to, metric math, the success-rate alarm and its
 * evaluation, and {@code CloudWatchApi} (DescribeAlarms, GetMetricData) in every protocol the service model lists.
 * Uses {@code wire} for the protocols and {@code clock} for periods.
 */
package dev.ecscanary.localaws.cloudwatch;

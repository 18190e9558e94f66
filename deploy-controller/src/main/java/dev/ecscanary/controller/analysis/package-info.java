/**
 * Whether a release hurts users: the alarm port ({@code AlarmReader}, {@code MetricReader}), a tick's readings
 * ({@code AlarmReadings}, which says so when CloudWatch could not be read) and {@code HealthGate}, the one rule that
 * turns them into a {@code Verdict}: pass, fail (an alarm is firing) or inconclusive.
 *
 * <p>Plain Java, no Spring and no AWS SDK: the CloudWatch adapter is in {@code analysis/cloudwatch/}.
 */
package dev.ecscanary.controller.analysis;

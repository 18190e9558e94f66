/**
 * The {@code analysis} ports on CloudWatch: alarm states in one DescribeAlarms call per 100 names
 * ({@code CloudWatchAlarmReader}, {@code AlarmQueries}) and the alarm's metric series for the page's chart
 * ({@code CloudWatchMetricReader}, GetMetricData). Written against the SDK's model classes only, so it works on both of
 * CloudWatch's wire formats (awsQuery at SDK 2.40.2, Smithy RPC v2 CBOR from 2.40.7; aws-conformance runs it on the
 * latter). An adapter package: it imports the SDK.
 */
package dev.ecscanary.controller.analysis.cloudwatch;

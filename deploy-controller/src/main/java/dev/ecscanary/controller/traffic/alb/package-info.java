/**
 * {@code LoadBalancerReader} on ELBv2 (awsQuery): target group ARNs by name, the production listener's forward weights
 * read back from its default rule, and DescribeTargetHealth's healthy targets. An adapter package: it imports the SDK.
 */
package dev.ecscanary.controller.traffic.alb;

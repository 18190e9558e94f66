/**
 * ELBv2 and the ALB stand-in: listeners that proxy real HTTP by weight, target groups with health checks and
 * deregistration, ALB metrics published to {@code cloudwatch}, and {@code ElbV2Api} (AWS Query) for the reads.
 */
package dev.ecscanary.localaws.elb;

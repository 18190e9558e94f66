/**
 * The REST API CI and operators call: {@code /api/deployments} (start a release, follow it, roll it back) and
 * {@code /api/services}, the JSON views they answer with, and {@link dev.ecscanary.controller.api.Problems}, which
 * turns every refusal into RFC 9457 problem+json (one {@link dev.ecscanary.controller.problem.ProblemType} per cause).
 *
 * <p>Controllers here parse and check what a request sends, then hand it to
 * {@link dev.ecscanary.controller.deployment.Releases}; they hold no release logic. May use {@code deployment},
 * {@code revision} (image references, the service catalogue), {@code security} (who is calling, may they),
 * {@code audit} (what the audit entry says), {@code problem} and {@code config}; never the AWS SDK, and never
 * {@code web}, which uses this package's views instead.
 */
package dev.ecscanary.controller.api;

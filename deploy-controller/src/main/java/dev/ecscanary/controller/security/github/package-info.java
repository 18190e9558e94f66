/**
 * GitHub Actions ID tokens: how one is verified (issuer, audience, algorithms, the claims that must be there) and how
 * its claims become a {@link dev.ecscanary.controller.security.Caller} with the scopes and services that the policy
 * rules grant ({@link dev.ecscanary.controller.security.github.ClaimPolicy}, with {@code *} patterns matched by
 * {@link dev.ecscanary.controller.security.github.Glob}). May use the security package's caller model and properties.
 */
package dev.ecscanary.controller.security.github;

/**
 * API tokens for automation: the token record and its table (only a SHA-256 of each token is stored), the hashing
 * and generation of token values, {@code ApiTokens} (create, revoke, verify) and the admin API that manages them
 * ({@code TokensController}, with {@code TokenProblems} for its refusals as problem details).
 *
 * <p>May use the security root ({@code Caller}, {@code Scope}), {@code problem} and {@code audit}.
 */
package dev.ecscanary.controller.security.tokens;

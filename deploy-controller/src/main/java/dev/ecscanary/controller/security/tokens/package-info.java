/**
 * API tokens at rest: the token record, its table (only a SHA-256 of each token is stored) and the hashing and
 * generation of token values. The service and the API that use them ({@code security.ApiTokens},
 * {@code security.TokensController}) stay in the security package beside {@code TokenProblems}, which names them.
 */
package dev.ecscanary.controller.security.tokens;

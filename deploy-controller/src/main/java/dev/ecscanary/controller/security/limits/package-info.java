/**
 * What keeps one caller from hurting the others: the request body cap ({@code BodyLimitFilter}, 413 for fixed and
 * chunked bodies), the per-caller rate limit on writes ({@code RateLimitFilter} over {@code RateLimiter}) and the
 * brake on repeated failed credentials ({@code FailedAuthenticationGuard}), each answering as problem+json through
 * {@code SecurityProblems}. {@code SecurityConfiguration} puts them in the filter chain.
 *
 * <p>May use the security root and {@code problem}; nothing else of the controller.
 */
package dev.ecscanary.controller.security.limits;

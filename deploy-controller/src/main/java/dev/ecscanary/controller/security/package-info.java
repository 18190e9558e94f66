/**
 * Who may call the controller, and the one filter chain that decides it: {@link
 * dev.ecscanary.controller.security.SecurityConfiguration} wires bearer authentication for the API (GitHub Actions ID
 * tokens, see {@code github}; API tokens, see {@code tokens}), sessions for the status page (see {@code signin}), the
 * audit filter, the body-size and rate limits, and the API's 401/403/413/429 as problem+json.
 *
 * <p>Here also lives what the rest of the controller asks of security: the {@link
 * dev.ecscanary.controller.security.Caller} of a request ({@link dev.ecscanary.controller.security.CurrentCaller}),
 * its {@link dev.ecscanary.controller.security.Scope}s, and {@link dev.ecscanary.controller.security.Access}, which
 * {@code api} and {@code web} use to refuse what the caller may not do.
 *
 * <p>Sub-packages: {@code github} (ID-token verification and the claim policy), {@code tokens} (API tokens and their
 * admin API), {@code signin} (the status page's sign-in), {@code limits} (body size, rate and failed-credential
 * limits). May use {@code audit} (the trail), {@code problem} and {@code config}.
 */
package dev.ecscanary.controller.security;

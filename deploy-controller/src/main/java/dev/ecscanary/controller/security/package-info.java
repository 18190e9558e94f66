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
 * <p>Twenty files, more than the sub-packages would leave here: {@code SecurityProblems} and {@code TokenProblems} are
 * being merged into the controller's one problem model, and until then what they name (the token API, the request
 * limit filters, {@code SignInRefusal}) stays beside them. May use {@code audit} (the trail) and {@code config}.
 */
package dev.ecscanary.controller.security;

/**
 * The one model of the controller's problem answers (RFC 9457): {@link dev.ecscanary.controller.problem.ProblemType}
 * names every type with its slug, title and status and builds the {@code ProblemDetail};
 * {@link dev.ecscanary.controller.problem.ProblemJson} writes one where Spring MVC does not (servlet filters and
 * Spring Security's entry points). Which exception becomes which type is decided where it is answered: the API's
 * advice, the token API's advice and the security filters.
 *
 * <p>A leaf: may use Spring's HTTP types, the servlet API and Jackson, nothing of the controller's own packages.
 */
package dev.ecscanary.controller.problem;

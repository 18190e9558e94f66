/**
 * The audit trail: who asked for what, from where, and whether it was accepted, refused (4xx) or failed (5xx).
 * {@link dev.ecscanary.controller.audit.AuditTrail} stores and reads the entries (PostgreSQL, through
 * {@code JdbcClient}); {@link dev.ecscanary.controller.audit.AuditDetails} is where a request's handling leaves the
 * service, note and reason for its entry, which the security filter chain writes once the answer is known;
 * {@link dev.ecscanary.controller.audit.ProblemReasons} copies every problem's detail there as the reason.
 *
 * <p>A leaf: may use Spring's web and JDBC support, nothing of the controller's own packages, so that everything
 * else (API, security, status page) can record into it. The endpoints here are read-only.
 */
package dev.ecscanary.controller.audit;

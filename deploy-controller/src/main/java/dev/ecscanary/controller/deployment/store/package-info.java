/**
 * Deployments in PostgreSQL: {@code DeploymentWrites} (one transaction per save, named parameters, then a {@code
 * DeploymentChanged} event), {@code DeploymentQueries} (reads with their alarms, phases, lifecycle events and
 * events), {@code DeploymentRows} (columns mapped by name). A write refused by a unique constraint is told apart by
 * the constraint's name ({@code UniqueViolation}). The schema is in {@code db/migration}.
 *
 * <p>May use Spring JDBC, the PostgreSQL driver's error types and the deployment record; nothing of the reconciler,
 * the API or AWS.
 */
package dev.ecscanary.controller.deployment.store;

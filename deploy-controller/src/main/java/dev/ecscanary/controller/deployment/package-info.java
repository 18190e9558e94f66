/**
 * The deployment record and the release lifecycle's face to the API and the pages: {@link
 * dev.ecscanary.controller.deployment.Deployment} (its fields and reads in {@code DeploymentState}, what it saw on
 * AWS in {@code Observations}, read back by name through {@code StoredDeployment}), its phases, events ({@code
 * EventType} with the severity the page shows) and statuses; {@code Releases}, the service that accepts, lists and
 * rolls back releases, with its pre-flight check; and the refusals the API maps to problem details.
 *
 * <p>About twenty files on purpose: these are the types {@code api/} and {@code web/} import, kept together so that
 * neither depends on how the lifecycle is carried out. The reconciler is in {@code reconcile/}, the store in {@code
 * store/}.
 *
 * <p>May use the ports of {@code analysis/}, {@code traffic/} and the release templates (never their adapters), its own
 * sub-packages and {@code config/}; no AWS SDK, no web.
 */
package dev.ecscanary.controller.deployment;

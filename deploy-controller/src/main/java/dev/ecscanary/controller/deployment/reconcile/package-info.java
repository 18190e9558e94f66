/**
 * The state machine that carries releases out: {@code Reconciler} ticks over every release in flight (alarms read
 * once per tick by {@code TickAlarms}, CodeDeploy in batches by {@code CodeDeployReads}), and {@code ReconcileStep}
 * dispatches each on its status to {@code DeploymentStarter} (PENDING), {@code ProgressWatcher} (IN_PROGRESS) or
 * {@code RollbackFollower} (ROLLING_BACK), then writes it back once. {@code StopCaller} makes the one StopDeployment
 * call, saved before it is sent; {@code DeploymentLocks} and {@code FirstSteps} keep one thread per release.
 *
 * <p>May use the deployment record, the store's {@code DeploymentQueries} and {@code DeploymentSaver}, the domain
 * ports of {@code analysis/}, {@code traffic/} and the release templates, and {@code config/}; never an AWS SDK type or
 * an adapter, so that tests run it on hand-written fakes.
 */
package dev.ecscanary.controller.deployment.reconcile;

/**
 * Where traffic flows during a release, as ports shaped like the domain: {@code BlueGreenDeployer} (CodeDeploy's
 * deployments: create, read in batches, stop with rollback, continue from READY_WAIT) and {@code LoadBalancerReader}
 * (the weights read back from the ALB listener, the replacement's healthy targets), with the values they return, and
 * {@code ServiceTopology}, which caches a service's deployment group and target groups.
 *
 * <p>No AWS SDK here: the adapters are {@code traffic.codedeploy} and {@code traffic.alb}; tests use hand-written fakes.
 */
package dev.ecscanary.controller.traffic;

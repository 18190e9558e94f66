/**
 * CodeDeploy for one ECS blue/green deployment group: deployments and their lifecycle (install, test traffic,
 * traffic shifting, termination wait), stops and rollbacks, the alarm watch, and {@code CodeDeployApi} (AWS JSON 1.1)
 * with the deployment-target reads. It drives {@code ecs} task sets and {@code elb} listener weights.
 * <p>More than 20 files on purpose: they are one service's model, and the lifecycle pieces (runs, pacer, traffic
 * control, rollback) only make sense together; split further they would need each other's internals.
 */
package dev.ecscanary.localaws.codedeploy;

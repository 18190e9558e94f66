/**
 * {@code BlueGreenDeployer} on CodeDeploy (awsJson 1.1), and the mapping of CodeDeploy's shapes (deployment group,
 * deployment, ECS target with its lifecycle events and task sets) to the {@code traffic} records. An adapter package:
 * it imports the SDK.
 */
package dev.ecscanary.controller.traffic.codedeploy;

/**
 * What a deployment ships (CodeDeploy's "revision"): the task definition rendered from {@code taskdef.json.tpl} and
 * the AppSpec rendered from {@code appspec.yaml} (mustache.java, every value escaped, a missing value an error), the
 * image reference they carry, and the service catalogue, where each configured service's templates are compiled
 * and rendered once at start-up and its allow-lists (image repositories, environments) are checked for each release.
 * The ports to ECS ({@link dev.ecscanary.controller.revision.TaskDefinitionRegistry},
 * {@link dev.ecscanary.controller.revision.EcsServiceReader}) are declared here and implemented in {@code ecs/}.
 *
 * <p>May use {@code config}, mustache.java, SnakeYAML and Jackson; not the AWS SDK (only {@code ecs/} does), and
 * nothing of {@code deployment}, which uses this package.
 */
package dev.ecscanary.controller.revision;

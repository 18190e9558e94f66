/**
 * ECS: task definitions, the one CODE_DEPLOY service and its task sets, tasks as real processes (or in-JVM
 * stand-ins in tests, through {@code TaskLauncher}), and {@code EcsApi} (AWS JSON 1.1).
 */
package dev.ecscanary.localaws.ecs;

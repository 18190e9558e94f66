/**
 * The ECS adapter of the revision ports: registers task definitions (binding the rendered JSON onto the SDK's
 * request, refusing unknown or mistyped fields) and describes services for the pre-flight checks.
 *
 * <p>An adapter package: one of the few that may import {@code software.amazon.awssdk} (AwsSdkBoundaryTest keeps it
 * so). May use {@code aws} (clients, call guard, failure mapping) and the ports of {@code revision}; nothing above.
 */
package dev.ecscanary.controller.revision.ecs;

package dev.ecscanary.controller.revision;

/** Registers task definitions with ECS. */
public interface TaskDefinitionRegistry {

    /**
     * Registers a task definition given in the JSON shape of {@code aws ecs register-task-definition --cli-input-json}.
     *
     * @return the new revision's ARN
     */
    String register(String taskDefinitionJson);
}

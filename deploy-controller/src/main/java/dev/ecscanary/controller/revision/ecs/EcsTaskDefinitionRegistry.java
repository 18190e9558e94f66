package dev.ecscanary.controller.revision.ecs;

import static dev.ecscanary.controller.aws.AwsService.ECS;

import dev.ecscanary.controller.aws.AwsCallGuard;
import dev.ecscanary.controller.revision.TaskDefinitionRegistry;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link TaskDefinitionRegistry} on ECS RegisterTaskDefinition (awsJson 1.1). */
@Component
public class EcsTaskDefinitionRegistry implements TaskDefinitionRegistry {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EcsClient ecs;
    private final AwsCallGuard aws;

    public EcsTaskDefinitionRegistry(EcsClient ecs, AwsCallGuard aws) {
        this.ecs = ecs;
        this.aws = aws;
    }

    /**
     * @throws IllegalArgumentException when the JSON is malformed or names a field RegisterTaskDefinition does not have
     */
    @Override
    public String register(String taskDefinitionJson) {
        RegisterTaskDefinitionRequest request = toRequest(taskDefinitionJson);
        return aws.call(
                ECS,
                "RegisterTaskDefinition",
                () -> ecs.registerTaskDefinition(request).taskDefinition().taskDefinitionArn());
    }

    static RegisterTaskDefinitionRequest toRequest(String taskDefinitionJson) {
        JsonNode json;
        try {
            json = JSON.readTree(taskDefinitionJson);
        } catch (JacksonException malformed) {
            throw new IllegalArgumentException(
                    "task definition is not valid JSON: " + malformed.getOriginalMessage(), malformed);
        }
        return SdkJsonBinder.bind(json, RegisterTaskDefinitionRequest::builder);
    }
}

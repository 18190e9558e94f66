package dev.ecscanary.controller.fakes;

import dev.ecscanary.controller.revision.EcsServiceReader;
import dev.ecscanary.controller.revision.TaskDefinitionRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An ECS cluster with the demo-app service; records the task definitions registered. */
public class FakeEcs implements EcsServiceReader, TaskDefinitionRegistry {

    private final List<String> registered = new CopyOnWriteArrayList<>();
    private volatile String deploymentController = "CODE_DEPLOY";
    private volatile boolean serviceExists = true;

    public void reset() {
        registered.clear();
        deploymentController = "CODE_DEPLOY";
        serviceExists = true;
    }

    public void serviceMissing() {
        serviceExists = false;
    }

    public void deploymentController(String type) {
        deploymentController = type;
    }

    public List<String> registered() {
        return List.copyOf(registered);
    }

    @Override
    public Optional<EcsService> describe(String cluster, String service) {
        if (!serviceExists) {
            return Optional.empty();
        }
        return Optional.of(new EcsService(
                "arn:aws:ecs:eu-central-1:000000000000:service/" + cluster + "/" + service,
                "ACTIVE",
                deploymentController,
                "arn:aws:ecs:eu-central-1:000000000000:task-definition/demo-app:1"));
    }

    @Override
    public String register(String taskDefinitionJson) {
        registered.add(taskDefinitionJson);
        return "arn:aws:ecs:eu-central-1:000000000000:task-definition/demo-app:" + (registered.size() + 1);
    }
}

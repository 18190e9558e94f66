package dev.ecscanary.localaws.support;

import dev.ecscanary.localaws.ecs.TaskLauncher;
import java.util.Map;

/** Launches {@link InJvmTask}s: tasks that start in milliseconds, so the lifecycle tests stay fast. */
public final class InJvmTaskLauncher implements TaskLauncher {

    @Override
    public RunningTask launch(String taskId, String image, int port, Map<String, String> environment) {
        return new InJvmTask(port, environment);
    }
}

package dev.ecscanary.localaws.ecs;

import java.util.Map;

/** Starts the process behind one ECS task, listening on a loopback port. */
public interface TaskLauncher {

    /** A started task process. */
    interface RunningTask {
        boolean isAlive();

        void stop();

        /** The task passed its health checks and serves traffic now. */
        default void serving() {}
    }

    /**
     * @param taskId      the ECS task id, for logs
     * @param image       the container image
     * @param port        the loopback port the task must listen on
     * @param environment the container's environment (image's baked-in values overridden by the task definition's)
     */
    RunningTask launch(String taskId, String image, int port, Map<String, String> environment);
}

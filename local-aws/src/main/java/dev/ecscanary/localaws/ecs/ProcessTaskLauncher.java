package dev.ecscanary.localaws.ecs;

import dev.ecscanary.localaws.process.ChildProcesses;
import dev.ecscanary.localaws.process.Niceness;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs each task as a demo-app JVM: {@code java -jar demo-app.jar} with the container's environment. */
public final class ProcessTaskLauncher implements TaskLauncher {

    private final ChildProcesses children;
    private final Path javaBin;
    private final Path demoAppJar;
    private final String databaseUrl;

    public ProcessTaskLauncher(ChildProcesses children, Path javaBin, Path demoAppJar, String databaseUrl) {
        this.children = children;
        this.javaBin = javaBin;
        this.demoAppJar = demoAppJar;
        this.databaseUrl = databaseUrl;
    }

    @Override
    public RunningTask launch(String taskId, String image, int port, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", String.valueOf(port));
        env.put("APP_IMAGE", image);
        env.putIfAbsent("DATABASE_URL", databaseUrl);
        // A small task (like Fargate's 0.25 vCPU): one processor's worth of JIT and GC threads, so that a task
        // starting up does not starve the tasks that are serving traffic on this machine's few cores.
        List<String> command = List.of(
                javaBin.toString(),
                "-Xms64m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:ActiveProcessorCount=1",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-jar",
                demoAppJar.toString());
        Process process = children.launch("task-" + taskId, Niceness.starting(command), env, new File("."));
        return new RunningTask() {
            @Override
            public boolean isAlive() {
                return process.isAlive();
            }

            @Override
            public void stop() {
                children.stop(process, Duration.ofSeconds(10));
            }

            @Override
            public void serving() {
                Niceness.serving(process.pid());
            }
        };
    }
}

package dev.ecscanary.localaws.rehearsal;

import dev.ecscanary.localaws.clock.TimeScale;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the one-command rehearsal can be told, from environment variables with working defaults.
 *
 * @param repoRoot                where the three jars are built ({@code REHEARSAL_REPO_ROOT}, default: the working directory)
 * @param stateDir                logs, pidfile and database files ({@code <repoRoot>/.rehearsal})
 * @param timeScale               {@code REHEARSAL_TIME_SCALE}, default 10: one CodeDeploy minute lasts 6 s
 * @param awsPort                 {@code REHEARSAL_AWS_PORT}, default 4566
 * @param productionPort          the ALB production listener, {@code REHEARSAL_PROD_PORT}, default 8000
 * @param testPort                the ALB test listener, {@code REHEARSAL_TEST_PORT}, default 8001
 * @param controllerPort          {@code REHEARSAL_CONTROLLER_PORT}, default 8080
 * @param requestsPerSecond       the traffic generator's load, {@code REHEARSAL_RPS}, default 20
 * @param tasksPerTaskSet         the ECS service's desired count, {@code REHEARSAL_TASKS}, default 2
 * @param codeDeployAlarmRollback the deployment group's own alarm rollback, {@code REHEARSAL_CODEDEPLOY_ALARM_ROLLBACK}, default false
 * @param initialImage            the first release, running as the blue task set, {@code REHEARSAL_INITIAL_IMAGE}
 * @param withController          start the controller (off with {@code --no-controller})
 * @param withTraffic             start the traffic generator (off with {@code --no-traffic})
 * @param demoAppJar              {@code REHEARSAL_DEMO_APP_JAR}, default {@code <repoRoot>/demo-app/target/demo-app.jar}
 * @param controllerJar           {@code REHEARSAL_CONTROLLER_JAR}, default {@code <repoRoot>/deploy-controller/target/deploy-controller.jar}
 */
public record RehearsalSettings(
        Path repoRoot,
        Path stateDir,
        TimeScale timeScale,
        int awsPort,
        int productionPort,
        int testPort,
        int controllerPort,
        double requestsPerSecond,
        int tasksPerTaskSet,
        boolean codeDeployAlarmRollback,
        String initialImage,
        boolean withController,
        boolean withTraffic,
        Path demoAppJar,
        Path controllerJar) {

    public RehearsalSettings {
        if (tasksPerTaskSet < 1 || tasksPerTaskSet > 10) {
            throw new IllegalArgumentException("REHEARSAL_TASKS must be between 1 and 10, was " + tasksPerTaskSet);
        }
        if (!(requestsPerSecond > 0 && requestsPerSecond <= 2_000)) {
            throw new IllegalArgumentException(
                    "REHEARSAL_RPS must be above 0 and at most 2000, was " + requestsPerSecond);
        }
    }

    public static RehearsalSettings fromEnvironment(
            Map<String, String> env, boolean withController, boolean withTraffic) {
        Path root = Path.of(env.getOrDefault("REHEARSAL_REPO_ROOT", "."))
                .toAbsolutePath()
                .normalize();
        return new RehearsalSettings(
                root,
                root.resolve(".rehearsal"),
                new TimeScale(Double.parseDouble(
                        env.getOrDefault("REHEARSAL_TIME_SCALE", String.valueOf(TimeScale.DEFAULT)))),
                integer(env, "REHEARSAL_AWS_PORT", 4566),
                integer(env, "REHEARSAL_PROD_PORT", 8000),
                integer(env, "REHEARSAL_TEST_PORT", 8001),
                integer(env, "REHEARSAL_CONTROLLER_PORT", 8080),
                Double.parseDouble(env.getOrDefault("REHEARSAL_RPS", "20")),
                integer(env, "REHEARSAL_TASKS", 2),
                Boolean.parseBoolean(env.getOrDefault("REHEARSAL_CODEDEPLOY_ALARM_ROLLBACK", "false")),
                env.getOrDefault("REHEARSAL_INITIAL_IMAGE", "demo-app:1.0.0"),
                withController,
                withTraffic,
                Path.of(env.getOrDefault(
                        "REHEARSAL_DEMO_APP_JAR",
                        root.resolve("demo-app/target/demo-app.jar").toString())),
                Path.of(env.getOrDefault(
                        "REHEARSAL_CONTROLLER_JAR",
                        root.resolve("deploy-controller/target/deploy-controller.jar")
                                .toString())));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }
}

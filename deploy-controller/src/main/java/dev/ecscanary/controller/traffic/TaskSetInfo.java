package dev.ecscanary.controller.traffic;

/**
 * A task set of an ECS deployment target (CodeDeploy's ECSTaskSet).
 *
 * @param label         {@code Blue} (original) or {@code Green} (replacement)
 * @param trafficWeight percent of production traffic CodeDeploy reports for it, 0 to 100
 * @param status        PRIMARY, ACTIVE or DRAINING
 */
public record TaskSetInfo(
        String id,
        String label,
        String targetGroupName,
        double trafficWeight,
        long desiredCount,
        long runningCount,
        String status) {

    public boolean isReplacement() {
        return "Green".equals(label);
    }
}

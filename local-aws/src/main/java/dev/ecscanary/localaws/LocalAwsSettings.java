package dev.ecscanary.localaws;

import dev.ecscanary.localaws.clock.TimeScale;

/**
 * How to run the local AWS.
 *
 * @param awsPort                 the one port of the four AWS APIs (0: any free port)
 * @param productionPort          the loopback port of the ALB's production listener (0: any)
 * @param testPort                the loopback port of the ALB's test listener (0: any)
 * @param timeScale               how much faster than AWS every clock runs
 * @param tasksPerTaskSet         the ECS service's desired count
 * @param codeDeployAlarmRollback whether the deployment group itself stops and rolls back on the alarm
 */
public record LocalAwsSettings(
        int awsPort,
        int productionPort,
        int testPort,
        TimeScale timeScale,
        int tasksPerTaskSet,
        boolean codeDeployAlarmRollback) {}

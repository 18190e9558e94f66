package dev.ecscanary.controller.traffic;

import java.util.List;
import java.util.Set;

/**
 * What the controller needs to know of a CodeDeploy deployment group before and during a release.
 *
 * @param computePlatform        {@code ECS}, {@code Server} or {@code Lambda}
 * @param blueGreenWithTraffic   deployment style BLUE_GREEN with WITH_TRAFFIC_CONTROL
 * @param ecsServices            the ECS services ({@code cluster:service}) the group deploys
 * @param productionListenerArns listeners of the production traffic route
 * @param testListenerArns       listeners of the test traffic route
 * @param targetGroupNames       the blue and green target groups
 * @param alarmNames             alarms the group itself watches, if {@code alarmMonitoringEnabled}
 * @param autoRollbackEvents     e.g. {@code DEPLOYMENT_STOP_ON_ALARM}, empty when automatic rollback is off
 * @param readyWaitMinutes       above 0 when a deployment waits in READY_WAIT for ContinueDeployment (deployment ready
 *                               option STOP_DEPLOYMENT) and is stopped after that many minutes; 0 reroutes at once
 */
public record DeploymentGroup(
        String application,
        String name,
        String computePlatform,
        boolean blueGreenWithTraffic,
        List<String> ecsServices,
        List<String> productionListenerArns,
        List<String> testListenerArns,
        List<String> targetGroupNames,
        boolean alarmMonitoringEnabled,
        List<String> alarmNames,
        Set<String> autoRollbackEvents,
        int readyWaitMinutes) {

    public boolean deploysEcsService(String cluster, String service) {
        return ecsServices.contains(cluster + ":" + service);
    }

    /** Whether a release waits, before any production traffic, for the controller to let it continue. */
    public boolean waitsForReady() {
        return readyWaitMinutes > 0;
    }

    public boolean isEcsBlueGreen() {
        return "ECS".equals(computePlatform) && blueGreenWithTraffic;
    }
}

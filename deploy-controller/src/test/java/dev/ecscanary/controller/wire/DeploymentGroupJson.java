package dev.ecscanary.controller.wire;

import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in service's CodeDeploy deployment group as GetDeploymentGroup answers it: ECS blue/green with traffic
 * control, the service's alarm watched by CodeDeploy, automatic rollback on failure and on alarm, both routes.
 */
final class DeploymentGroupJson {

    private DeploymentGroupJson() {}

    static void write(StandInService s, ObjectNode info) {
        info.put("applicationName", s.application())
                .put(
                        "deploymentGroupId",
                        java.util.UUID.nameUUIDFromBytes(s.name().getBytes()).toString())
                .put("deploymentGroupName", s.deploymentGroup())
                .put("deploymentConfigName", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes")
                .put("serviceRoleArn", "arn:aws:iam::" + StandInService.ACCOUNT + ":role/ecs-canary-codedeploy")
                .put("computePlatform", "ECS");
        ObjectNode alarms =
                info.putObject("alarmConfiguration").put("enabled", true).put("ignorePollAlarmFailure", false);
        alarms.putArray("alarms").addObject().put("name", s.alarm());
        info.putObject("autoRollbackConfiguration")
                .put("enabled", true)
                .putArray("events")
                .add("DEPLOYMENT_FAILURE")
                .add("DEPLOYMENT_STOP_ON_ALARM");
        info.putObject("deploymentStyle")
                .put("deploymentType", "BLUE_GREEN")
                .put("deploymentOption", "WITH_TRAFFIC_CONTROL");
        ObjectNode blueGreen = info.putObject("blueGreenDeploymentConfiguration");
        blueGreen
                .putObject("terminateBlueInstancesOnDeploymentSuccess")
                .put("action", "TERMINATE")
                .put("terminationWaitTimeInMinutes", 5);
        blueGreen
                .putObject("deploymentReadyOption")
                .put("actionOnTimeout", "CONTINUE_DEPLOYMENT")
                .put("waitTimeInMinutes", 0);
        ObjectNode pair = info.putObject("loadBalancerInfo")
                .putArray("targetGroupPairInfoList")
                .addObject();
        tools.jackson.databind.node.ArrayNode targetGroups = pair.putArray("targetGroups");
        targetGroups.addObject().put("name", s.blueTargetGroup());
        targetGroups.addObject().put("name", s.greenTargetGroup());
        pair.putObject("prodTrafficRoute").putArray("listenerArns").add(s.productionListenerArn());
        pair.putObject("testTrafficRoute").putArray("listenerArns").add(s.testListenerArn());
        info.putArray("ecsServices")
                .addObject()
                .put("serviceName", s.ecsService())
                .put("clusterName", s.cluster());
    }
}

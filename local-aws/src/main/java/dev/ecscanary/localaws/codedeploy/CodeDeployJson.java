package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.RehearsalNames;
import dev.ecscanary.localaws.ecs.EcsService;
import dev.ecscanary.localaws.elb.LoadBalancer;
import dev.ecscanary.localaws.wire.Json;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of DeploymentInfo, DeploymentGroupInfo and the ECSTarget, with the SDK model's wire names. */
public final class CodeDeployJson {

    private final EcsService ecs;
    private final LoadBalancer loadBalancer;

    public CodeDeployJson(EcsService ecs, LoadBalancer loadBalancer) {
        this.ecs = ecs;
        this.loadBalancer = loadBalancer;
    }

    /** An ECS deployment's one target id: {@code <clustername>:<servicename>}. */
    public String targetId() {
        return ecs.names().cluster() + ":" + ecs.names().service();
    }

    ObjectNode deployment(Deployment d) {
        DeploymentGroup group = d.group();
        ObjectNode info = Json.object()
                .put("applicationName", group.applicationName())
                .put("deploymentGroupName", group.name())
                .put("deploymentConfigName", d.routing().name())
                .put("deploymentId", d.id())
                .put("status", d.status())
                .put("creator", d.creator())
                .put("computePlatform", "ECS")
                .put("ignoreApplicationStopFailures", false)
                .put("updateOutdatedInstancesOnly", false)
                .put("fileExistsBehavior", "DISALLOW");
        info.set("revision", d.revision());
        info.set("previousRevision", d.previousRevision());
        putTime(info, "createTime", d.createTime());
        putTime(info, "startTime", d.startTime());
        putTime(info, "completeTime", d.completeTime());
        info.put("instanceTerminationWaitTimeStarted", d.terminationWaitStarted() != null);
        if (d.description() != null) {
            info.put("description", d.description());
        }
        if (d.errorCode() != null) {
            info.putObject("errorInformation").put("code", d.errorCode()).put("message", d.errorMessage());
        }
        if (d.rollbackDeploymentId() != null || d.rollbackTriggeringDeploymentId() != null) {
            ObjectNode rollback = info.putObject("rollbackInfo");
            putText(rollback, "rollbackDeploymentId", d.rollbackDeploymentId());
            putText(rollback, "rollbackTriggeringDeploymentId", d.rollbackTriggeringDeploymentId());
            putText(rollback, "rollbackMessage", d.rollbackMessage());
        }
        ObjectNode autoRollback = info.putObject("autoRollbackConfiguration").put("enabled", d.rollbackEnabled());
        ArrayNode events = autoRollback.putArray("events");
        d.rollbackEvents().forEach(events::add);
        info.set("deploymentOverview", overview(d.target().status()));
        info.set("deploymentStyle", deploymentStyle());
        info.set("blueGreenDeploymentConfiguration", blueGreenConfiguration(group));
        info.set("loadBalancerInfo", loadBalancerInfo());
        info.putArray("deploymentStatusMessages");
        return info;
    }

    ObjectNode deploymentGroup(DeploymentGroup group) {
        RehearsalNames names = group.names();
        ObjectNode info = Json.object()
                .put("applicationName", group.applicationName())
                .put("deploymentGroupId", group.id())
                .put("deploymentGroupName", group.name())
                .put("deploymentConfigName", group.deploymentConfigName())
                .put("serviceRoleArn", group.serviceRoleArn())
                .put("computePlatform", "ECS")
                .put("outdatedInstancesStrategy", "UPDATE")
                .put("terminationHookEnabled", false);
        info.putArray("triggerConfigurations");
        ObjectNode alarms = info.putObject("alarmConfiguration")
                .put("enabled", group.alarmMonitoringEnabled())
                .put("ignorePollAlarmFailure", false);
        ArrayNode alarmList = alarms.putArray("alarms");
        group.alarmNames().forEach(name -> alarmList.addObject().put("name", name));
        ObjectNode autoRollback = info.putObject("autoRollbackConfiguration").put("enabled", true);
        ArrayNode events = autoRollback.putArray("events");
        group.autoRollbackEvents().forEach(events::add);
        info.set("deploymentStyle", deploymentStyle());
        info.set("blueGreenDeploymentConfiguration", blueGreenConfiguration(group));
        info.set("loadBalancerInfo", loadBalancerInfo());
        info.putArray("ecsServices")
                .addObject()
                .put("serviceName", names.service())
                .put("clusterName", names.cluster());
        if (group.lastSuccessful() != null) {
            info.set("lastSuccessfulDeployment", lastDeployment(group.lastSuccessful()));
        }
        if (group.lastAttempted() != null) {
            info.set("lastAttemptedDeployment", lastDeployment(group.lastAttempted()));
        }
        return info;
    }

    ObjectNode target(Deployment d, String targetId) {
        return DeploymentTargetJson.target(d, targetId, ecs.arn());
    }

    private static ObjectNode overview(String targetStatus) {
        ObjectNode overview = Json.object();
        for (String status : new String[] {"Pending", "InProgress", "Succeeded", "Failed", "Skipped", "Ready"}) {
            overview.put(status, status.equals(targetStatus) ? 1L : 0L);
        }
        return overview;
    }

    private static ObjectNode deploymentStyle() {
        return Json.object().put("deploymentType", "BLUE_GREEN").put("deploymentOption", "WITH_TRAFFIC_CONTROL");
    }

    private static ObjectNode blueGreenConfiguration(DeploymentGroup group) {
        ObjectNode config = Json.object();
        config.putObject("terminateBlueInstancesOnDeploymentSuccess")
                .put("action", "TERMINATE")
                .put("terminationWaitTimeInMinutes", group.terminationWaitMinutes());
        int readyWait = group.readyWaitMinutes();
        config.putObject("deploymentReadyOption")
                .put("actionOnTimeout", readyWait > 0 ? "STOP_DEPLOYMENT" : "CONTINUE_DEPLOYMENT")
                .put("waitTimeInMinutes", readyWait);
        return config;
    }

    private ObjectNode loadBalancerInfo() {
        ObjectNode info = Json.object();
        ObjectNode pair = info.putArray("targetGroupPairInfoList").addObject();
        ArrayNode groups = pair.putArray("targetGroups");
        loadBalancer.targetGroups().forEach(g -> groups.addObject().put("name", g.name()));
        pair.putObject("prodTrafficRoute")
                .putArray("listenerArns")
                .add(loadBalancer.production().arn());
        pair.putObject("testTrafficRoute")
                .putArray("listenerArns")
                .add(loadBalancer.test().arn());
        return info;
    }

    private static ObjectNode lastDeployment(Deployment d) {
        ObjectNode info = Json.object().put("deploymentId", d.id()).put("status", d.status());
        putTime(info, "createTime", d.createTime());
        putTime(info, "endTime", d.completeTime());
        return info;
    }

    private static void putTime(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, Json.epochSeconds(instant));
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}

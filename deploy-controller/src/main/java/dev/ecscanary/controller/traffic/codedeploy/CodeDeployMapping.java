package dev.ecscanary.controller.traffic.codedeploy;

import dev.ecscanary.controller.traffic.CodeDeploySnapshot;
import dev.ecscanary.controller.traffic.CodeDeployStatus;
import dev.ecscanary.controller.traffic.DeploymentGroup;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import dev.ecscanary.controller.traffic.TaskSetInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.ErrorInformation;
import software.amazon.awssdk.services.codedeploy.model.RollbackInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoute;

/** CodeDeploy's shapes to the domain's; nested structures CodeDeploy leaves out read as empty. */
final class CodeDeployMapping {

    private CodeDeployMapping() {}

    static DeploymentGroup group(DeploymentGroupInfo info) {
        List<TargetGroupPairInfo> pairs = info.loadBalancerInfo() == null
                ? List.of()
                : info.loadBalancerInfo().targetGroupPairInfoList();
        AlarmConfiguration alarms = info.alarmConfiguration();
        AutoRollbackConfiguration rollback = info.autoRollbackConfiguration();
        return new DeploymentGroup(
                info.applicationName(),
                info.deploymentGroupName(),
                info.computePlatformAsString(),
                isBlueGreenWithTraffic(info.deploymentStyle()),
                info.ecsServices().stream()
                        .map(s -> s.clusterName() + ":" + s.serviceName())
                        .toList(),
                listeners(pairs, TargetGroupPairInfo::prodTrafficRoute),
                listeners(pairs, TargetGroupPairInfo::testTrafficRoute),
                pairs.stream()
                        .flatMap(p -> p.targetGroups().stream())
                        .map(TargetGroupInfo::name)
                        .distinct()
                        .toList(),
                alarms != null && Boolean.TRUE.equals(alarms.enabled()),
                alarms == null
                        ? List.of()
                        : alarms.alarms().stream().map(a -> a.name()).toList(),
                rollback != null && Boolean.TRUE.equals(rollback.enabled())
                        ? new LinkedHashSet<>(rollback.eventsAsStrings())
                        : Set.of(),
                readyWaitMinutes(info.blueGreenDeploymentConfiguration()));
    }

    /** CONTINUE_DEPLOYMENT (or no option) never waits; STOP_DEPLOYMENT waits its wait time. */
    private static int readyWaitMinutes(BlueGreenDeploymentConfiguration blueGreen) {
        DeploymentReadyOption ready = blueGreen == null ? null : blueGreen.deploymentReadyOption();
        if (ready == null
                || ready.actionOnTimeout() != DeploymentReadyAction.STOP_DEPLOYMENT
                || ready.waitTimeInMinutes() == null) {
            return 0;
        }
        return ready.waitTimeInMinutes();
    }

    /** The deployment as GetDeployment or BatchGetDeployments give it: its ECS target's part is read separately. */
    static CodeDeploySnapshot snapshot(DeploymentInfo deployment) {
        ErrorInformation error = deployment.errorInformation();
        RollbackInfo rollback = deployment.rollbackInfo();
        return new CodeDeploySnapshot(
                deployment.deploymentId(),
                CodeDeployStatus.fromWire(deployment.statusAsString()),
                error == null ? null : error.codeAsString(),
                error == null ? null : error.message(),
                rollback == null ? null : rollback.rollbackDeploymentId(),
                rollback == null ? null : rollback.rollbackTriggeringDeploymentId(),
                rollback == null ? null : rollback.rollbackMessage(),
                deployment.creatorAsString(),
                deployment.createTime(),
                deployment.completeTime(),
                List.of(),
                List.of());
    }

    private static boolean isBlueGreenWithTraffic(DeploymentStyle style) {
        return style != null
                && style.deploymentType() == DeploymentType.BLUE_GREEN
                && style.deploymentOption() == DeploymentOption.WITH_TRAFFIC_CONTROL;
    }

    private static List<String> listeners(
            List<TargetGroupPairInfo> pairs, Function<TargetGroupPairInfo, TrafficRoute> route) {
        return pairs.stream()
                .map(route)
                .flatMap(r -> r == null ? Stream.empty() : r.listenerArns().stream())
                .distinct()
                .toList();
    }

    static List<LifecycleEvent> lifecycleEvents(ECSTarget target) {
        return target.lifecycleEvents().stream()
                .map(e -> new LifecycleEvent(e.lifecycleEventName(), e.statusAsString(), e.startTime(), e.endTime()))
                .toList();
    }

    static List<TaskSetInfo> taskSets(ECSTarget target) {
        return target.taskSetsInfo().stream().map(CodeDeployMapping::taskSet).toList();
    }

    private static TaskSetInfo taskSet(ECSTaskSet taskSet) {
        return new TaskSetInfo(
                taskSet.identifer(), // sic: CodeDeploy's model spells the member "identifer"
                taskSet.taskSetLabelAsString(),
                taskSet.targetGroup() == null ? null : taskSet.targetGroup().name(),
                taskSet.trafficWeight() == null ? 0 : taskSet.trafficWeight(),
                taskSet.desiredCount() == null ? 0 : taskSet.desiredCount(),
                taskSet.runningCount() == null ? 0 : taskSet.runningCount(),
                taskSet.status());
    }
}

package dev.ecscanary.controller.deployment;

import dev.ecscanary.controller.analysis.AlarmReader;
import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.config.ServiceProperties;
import dev.ecscanary.controller.deployment.PreflightRefusal.Reason;
import dev.ecscanary.controller.revision.EcsServiceReader;
import dev.ecscanary.controller.revision.ReleasableService;
import dev.ecscanary.controller.traffic.DeploymentGroup;
import dev.ecscanary.controller.traffic.ServiceTopology;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks, before anything is created, that a release can be carried out and judged: the ECS service exists and is
 * deployed by CodeDeploy, the deployment group is ECS blue/green for it, and no watched alarm is missing or firing.
 * Neither CodeDeploy nor ECS defines what happens to a release started into a firing alarm, so it is refused.
 */
@Component
class Preflight {

    private final EcsServiceReader ecs;
    private final ServiceTopology topology;
    private final AlarmReader alarms;

    Preflight(EcsServiceReader ecs, ServiceTopology topology, AlarmReader alarms) {
        this.ecs = ecs;
        this.topology = topology;
        this.alarms = alarms;
    }

    void check(ReleasableService service) {
        ServiceProperties config = service.config();
        EcsServiceReader.EcsService ecsService = ecs.describe(config.cluster(), config.ecsService())
                .orElseThrow(() -> new PreflightRefusal(
                        Reason.ECS_SERVICE_NOT_FOUND,
                        "ECS service '" + config.ecsService() + "' does not exist in cluster '" + config.cluster()
                                + "'"));
        if (!ecsService.isCodeDeployControlled()) {
            throw new PreflightRefusal(
                    Reason.ECS_SERVICE_NOT_CODE_DEPLOY,
                    "ECS service '" + config.ecsService() + "' uses the " + ecsService.deploymentController()
                            + " deployment controller, not CODE_DEPLOY");
        }
        topology.forget(service.name());
        DeploymentGroup group = topology.of(service)
                .orElseThrow(() -> new PreflightRefusal(
                        Reason.DEPLOYMENT_GROUP_NOT_FOUND,
                        "CodeDeploy deployment group '" + config.deploymentGroup() + "' of application '"
                                + config.application() + "' does not exist"))
                .group();
        if (!group.isEcsBlueGreen() || !group.deploysEcsService(config.cluster(), config.ecsService())) {
            throw new PreflightRefusal(
                    Reason.DEPLOYMENT_GROUP_NOT_BLUE_GREEN,
                    "deployment group '" + group.name() + "' is not an ECS blue/green group with traffic control for "
                            + service.ecsTargetId());
        }
        checkAlarms(config.alarms());
    }

    private void checkAlarms(List<String> names) {
        Map<String, AlarmReading> readings = alarms.read(names);
        for (String name : names) {
            AlarmReading r = readings.getOrDefault(name, AlarmReading.missing(name));
            if (r.state() == AlarmState.MISSING) {
                throw new PreflightRefusal(Reason.ALARM_MISSING, "watched alarm '" + name + "' does not exist");
            }
            if (r.state() == AlarmState.ALARM) {
                throw new PreflightRefusal(
                        Reason.ALARM_FIRING,
                        "watched alarm '" + name + "' is already in ALARM since " + r.stateUpdatedAt() + " ("
                                + r.reason() + "); a release started now could not be judged");
            }
        }
    }
}

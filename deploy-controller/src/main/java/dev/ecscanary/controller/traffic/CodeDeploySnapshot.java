package dev.ecscanary.controller.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One read of a CodeDeploy deployment: GetDeployment plus its ECS deployment target.
 *
 * @param errorCode                  CodeDeploy's ErrorCode, e.g. {@code ALARM_ACTIVE} or {@code MANUAL_STOP}; null when none
 * @param rollbackDeploymentId       the deployment that rolls this one back, once CodeDeploy created it
 * @param rollbackTriggeringDeploymentId set on a rollback deployment: the deployment it rolls back
 * @param creator                    e.g. {@code user} or {@code codeDeployRollback}
 * @param lifecycleEvents            empty until the target exists
 * @param taskSets                   the Blue (original) and Green (replacement) task sets, empty until known
 */
public record CodeDeploySnapshot(
        String deploymentId,
        CodeDeployStatus status,
        String errorCode,
        String errorMessage,
        String rollbackDeploymentId,
        String rollbackTriggeringDeploymentId,
        String rollbackMessage,
        String creator,
        Instant createTime,
        Instant completeTime,
        List<LifecycleEvent> lifecycleEvents,
        List<TaskSetInfo> taskSets) {

    /** This read with its ECS target's part filled in. */
    public CodeDeploySnapshot withTarget(List<LifecycleEvent> events, List<TaskSetInfo> sets) {
        return new CodeDeploySnapshot(
                deploymentId,
                status,
                errorCode,
                errorMessage,
                rollbackDeploymentId,
                rollbackTriggeringDeploymentId,
                rollbackMessage,
                creator,
                createTime,
                completeTime,
                events,
                sets);
    }

    public Optional<TaskSetInfo> replacement() {
        return taskSets.stream().filter(TaskSetInfo::isReplacement).findFirst();
    }

    public Optional<TaskSetInfo> original() {
        return taskSets.stream().filter(t -> !t.isReplacement()).findFirst();
    }
}

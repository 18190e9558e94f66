package dev.ecscanary.controller.traffic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CodeDeploy blue/green for ECS, as the deployment logic needs it. Implementations throw
 * {@link dev.ecscanary.controller.aws.AwsUnavailableException} when AWS cannot answer and
 * {@link dev.ecscanary.controller.aws.AwsRequestRejectedException} when it refuses.
 */
public interface BlueGreenDeployer {

    /** The deployment group, or empty when the application or the group does not exist. */
    Optional<DeploymentGroup> describeGroup(String application, String deploymentGroup);

    /** Starts a deployment with an AppSpec given as content; returns CodeDeploy's deployment id. */
    String createDeployment(NewDeployment request);

    /**
     * Finds a deployment of the group created since {@code createdAfter} whose description contains {@code marker}:
     * how a CreateDeployment whose answer was lost is found again instead of being sent twice.
     */
    Optional<String> findDeployment(
            String application, String deploymentGroup, String marker, java.time.Instant createdAfter);

    /** Status and rollback links of one deployment, as CodeDeploy sees them now, without its ECS target. */
    CodeDeploySnapshot describeDeployment(String deploymentId);

    /** Status, rollback links, lifecycle events and task sets of one deployment, as CodeDeploy sees them now. */
    default CodeDeploySnapshot describeDeployment(String deploymentId, String ecsTargetId) {
        return withTarget(describeDeployment(deploymentId), ecsTargetId);
    }

    /** CodeDeploy reads at most this many deployments in one {@link #describeDeployments(List)} call. */
    int DESCRIBE_BATCH_LIMIT = 25;

    /**
     * Status and rollback links of up to {@link #DESCRIBE_BATCH_LIMIT} deployments in one call, without their ECS
     * targets (no lifecycle events, no task sets); a deployment CodeDeploy does not return is absent from the map.
     */
    Map<String, CodeDeploySnapshot> describeDeployments(List<String> deploymentIds);

    /** A snapshot from {@link #describeDeployments(List)} completed with its ECS target's lifecycle events and task sets. */
    CodeDeploySnapshot withTarget(CodeDeploySnapshot deployment, String ecsTargetId);

    /**
     * {@code ContinueDeployment} with {@code deploymentWaitType=READY_WAIT}: the replacement, checked on the test
     * route, may now take production traffic.
     */
    ContinueOutcome continueToProduction(String deploymentId);

    /** {@code StopDeployment} with {@code autoRollbackEnabled=true}. */
    StopOutcome stopAndRollBack(String deploymentId);
}

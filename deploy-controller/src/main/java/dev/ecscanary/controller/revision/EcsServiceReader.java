package dev.ecscanary.controller.revision;

import java.util.Optional;

/** Reads an ECS service's shape: does it exist, and is it deployed by CodeDeploy. */
public interface EcsServiceReader {

    /** Empty when ECS reports the service missing (or the cluster does not exist). */
    Optional<EcsService> describe(String cluster, String service);

    /**
     * @param status               ACTIVE, DRAINING or INACTIVE
     * @param deploymentController ECS, CODE_DEPLOY or EXTERNAL
     * @param taskDefinitionArn    the task definition of the service's primary task set
     */
    record EcsService(String arn, String status, String deploymentController, String taskDefinitionArn) {

        public boolean isCodeDeployControlled() {
            return "CODE_DEPLOY".equals(deploymentController);
        }
    }
}

package dev.ecscanary.controller.revision.ecs;

import static dev.ecscanary.controller.aws.AwsService.ECS;

import dev.ecscanary.controller.aws.AwsCallGuard;
import dev.ecscanary.controller.revision.EcsServiceReader;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** {@link EcsServiceReader} on ECS DescribeServices (awsJson 1.1). */
@Component
public class EcsDescribeServicesReader implements EcsServiceReader {

    /** The deployment controller ECS applies when a service was created without one. */
    private static final String DEFAULT_DEPLOYMENT_CONTROLLER = "ECS";

    private final EcsClient ecs;
    private final AwsCallGuard aws;

    public EcsDescribeServicesReader(EcsClient ecs, AwsCallGuard aws) {
        this.ecs = ecs;
        this.aws = aws;
    }

    @Override
    public Optional<EcsService> describe(String cluster, String service) {
        return aws.call(ECS, "DescribeServices", () -> {
            try {
                DescribeServicesResponse response =
                        ecs.describeServices(r -> r.cluster(cluster).services(service));
                return response.services().stream().findFirst().map(EcsDescribeServicesReader::toDomain);
            } catch (ClusterNotFoundException noCluster) {
                return Optional.empty();
            }
        });
    }

    private static EcsService toDomain(Service service) {
        String controller = service.deploymentController() == null
                ? DEFAULT_DEPLOYMENT_CONTROLLER
                : service.deploymentController().typeAsString();
        return new EcsService(service.serviceArn(), service.status(), controller, primaryTaskDefinition(service));
    }

    /** A CODE_DEPLOY service runs task sets; its primary one holds the live task definition. */
    private static String primaryTaskDefinition(Service service) {
        return service.taskSets().stream()
                .filter(taskSet -> "PRIMARY".equals(taskSet.status()))
                .map(TaskSet::taskDefinition)
                .findFirst()
                .orElse(service.taskDefinition());
    }
}

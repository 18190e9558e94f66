package dev.ecscanary.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.RehearsalNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** ECS (AWS JSON 1.1) through SDK 2.59.1: the four operations the controller and CodeDeploy's users call. */
class EcsConformanceTest {

    private static LocalAwsUnderTest local;
    private static SdkClients sdk;
    private static RehearsalNames names;

    @BeforeAll
    static void start() throws Exception {
        local = LocalAwsUnderTest.start();
        sdk = new SdkClients(local.endpoint);
        names = local.aws.names();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        local.close();
    }

    @Test
    void registerThenDescribeATaskDefinition() {
        TaskDefinition registered = sdk.ecs
                .registerTaskDefinition(r -> r.family(names.taskFamily())
                        .containerDefinitions(ContainerDefinition.builder()
                                .name(names.containerName())
                                .image("demo-app:1.1.0")
                                .portMappings(p -> p.containerPort(names.containerPort()))
                                .build()))
                .taskDefinition();

        assertThat(sdk.last().firstMatchingHeader("X-Amz-Target"))
                .hasValue("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition");
        assertThat(registered.family()).isEqualTo(names.taskFamily());
        assertThat(registered.revision()).isGreaterThan(1);
        assertThat(registered.registeredAt()).isNotNull();
        TaskDefinition described = sdk.ecs
                .describeTaskDefinition(r -> r.taskDefinition(registered.taskDefinitionArn()))
                .taskDefinition();
        assertThat(described.containerDefinitions())
                .singleElement()
                .satisfies(c -> assertThat(c.image()).isEqualTo("demo-app:1.1.0"));
    }

    @Test
    void describeServicesShowsACodeDeployServiceWithItsTaskSet() {
        Service service = sdk.ecs
                .describeServices(r -> r.cluster(names.cluster()).services(names.service()))
                .services()
                .getFirst();

        assertThat(service.serviceName()).isEqualTo(names.service());
        assertThat(service.deploymentController().type()).isEqualTo(DeploymentControllerType.CODE_DEPLOY);
        assertThat(service.taskSets()).hasSize(1);
        assertThat(service.loadBalancers()).isNotEmpty();
    }

    @Test
    void describeTaskSetsShowsThePrimaryTaskSet() {
        TaskSet taskSet = sdk.ecs
                .describeTaskSets(r -> r.cluster(names.cluster()).service(names.service()))
                .taskSets()
                .getFirst();

        assertThat(taskSet.status()).isEqualTo("PRIMARY");
        assertThat(taskSet.scale().value()).isEqualTo(100.0);
        assertThat(taskSet.createdAt()).isNotNull();
    }

    @Test
    void anUnknownServiceIsServiceNotFoundException() {
        assertThatThrownBy(() ->
                        sdk.ecs.describeTaskSets(r -> r.cluster(names.cluster()).service("nope")))
                .isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void injectedThrottlingArrivesAsThrottlingException() {
        local.throttle("DescribeServices", 1);

        assertThatThrownBy(() ->
                        sdk.ecs.describeServices(r -> r.cluster(names.cluster()).services(names.service())))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
    }
}

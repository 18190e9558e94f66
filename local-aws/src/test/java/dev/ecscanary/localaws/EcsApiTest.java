package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.support.LocalAwsFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** ECS through the real SDK 2.40.2 client: task definitions, the CODE_DEPLOY service and its task sets. */
class EcsApiTest {

    private static LocalAwsFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = LocalAwsFixture.start(60, false);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void registeringTheSameFamilyTwiceGivesConsecutiveRevisions() {
        TaskDefinition first = register("demo-app:2.0.0");
        TaskDefinition second = register("demo-app:2.0.0-faulty");

        assertThat(second.revision()).isEqualTo(first.revision() + 1);
        assertThat(second.taskDefinitionArn())
                .isEqualTo("arn:aws:ecs:eu-central-1:000000000000:task-definition/demo-app:" + second.revision());
        assertThat(second.containerDefinitions().getFirst().image()).isEqualTo("demo-app:2.0.0-faulty");
        assertThat(second.containerDefinitions().getFirst().environment())
                .extracting(KeyValuePair::name)
                .contains("APP_VERSION");
        assertThat(second.statusAsString()).isEqualTo("ACTIVE");
        assertThat(second.registeredAt()).isNotNull();
    }

    @Test
    void aTaskDefinitionWithoutContainersIsAClientError() {
        assertThatThrownBy(() -> fixture.ecs.registerTaskDefinition(r -> r.family("demo-app")))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
                });
    }

    @Test
    void theServiceIsDeployedByCodeDeployWithOnePrimaryTaskSetInBlue() {
        Service service = fixture.ecs
                .describeServices(r -> r.cluster("ecs-canary").services("demo-app"))
                .services()
                .getFirst();

        assertThat(service.deploymentController().type()).isEqualTo(DeploymentControllerType.CODE_DEPLOY);
        assertThat(service.serviceArn()).isEqualTo("arn:aws:ecs:eu-central-1:000000000000:service/ecs-canary/demo-app");
        assertThat(service.taskSets()).singleElement().satisfies(taskSet -> {
            assertThat(taskSet.status()).isEqualTo("PRIMARY");
            assertThat(taskSet.runningCount()).isEqualTo(1);
            assertThat(taskSet.stabilityStatusAsString()).isEqualTo("STEADY_STATE");
            assertThat(taskSet.loadBalancers().getFirst().targetGroupArn()).contains("targetgroup/demo-app-blue/");
        });
        assertThat(service.loadBalancers().getFirst().containerName()).isEqualTo("demo-app");
        assertThat(service.loadBalancers().getFirst().containerPort()).isEqualTo(3000);
    }

    @Test
    void anUnknownServiceIsReportedAsAFailureNotAnError() {
        var response = fixture.ecs.describeServices(r -> r.cluster("ecs-canary").services("demo-app", "nope"));

        assertThat(response.services()).hasSize(1);
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).endsWith("service/ecs-canary/nope");
        });
    }

    @Test
    void anUnknownClusterIsClusterNotFound() {
        assertThatThrownBy(() ->
                        fixture.ecs.describeServices(r -> r.cluster("other").services("demo-app")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> fixture.ecs.describeTaskSets(
                        r -> r.cluster("ecs-canary").service("nope")))
                .isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void describeTaskSetsReturnsTheServicesTaskSets() {
        TaskSet taskSet = fixture.ecs
                .describeTaskSets(r -> r.cluster("ecs-canary").service("demo-app"))
                .taskSets()
                .getFirst();

        assertThat(taskSet.id()).startsWith("ecs-svc/");
        assertThat(taskSet.taskSetArn()).endsWith(taskSet.id());
        assertThat(taskSet.taskDefinition()).contains("task-definition/demo-app:");
        assertThat(taskSet.scale().value()).isEqualTo(100.0);
        assertThat(taskSet.createdAt()).isNotNull();
    }

    static TaskDefinition register(String image) {
        return fixture.ecs
                .registerTaskDefinition(r -> r.family("demo-app")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("demo-app")
                                .image(image)
                                .essential(true)
                                .portMappings(PortMapping.builder()
                                        .containerPort(3000)
                                        .build())
                                .environment(KeyValuePair.builder()
                                        .name("APP_VERSION")
                                        .value("2.0.0")
                                        .build())
                                .build()))
                .taskDefinition();
    }
}

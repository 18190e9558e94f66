package dev.ecscanary.controller.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

class AwsClientsConfigurationTest {

    private final ApplicationContextRunner withoutRegion = new ApplicationContextRunner()
            .withUserConfiguration(AwsClientsConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    private final ApplicationContextRunner context =
            withoutRegion.withPropertyValues("controller.aws.region=eu-central-1");

    @Test
    void buildsOneClientPerServiceWithTheDocumentedDefaults() {
        context.run(app -> {
            assertThat(app).hasNotFailed().hasSingleBean(AwsCallGuard.class);
            AwsProperties properties = app.getBean(AwsProperties.class);
            assertThat(properties.apiCallTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(properties.maxAttempts()).isEqualTo(3);
            assertThat(properties.maxConnections()).isEqualTo(100);
            assertThat(properties.circuitBreaker().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(30));
            for (Class<? extends SdkClient> type : clientTypes()) {
                assertThat(app).hasSingleBean(type);
                AwsServiceClientConfiguration config = configuration(app.getBean(type));
                assertThat(config.region()).isEqualTo(Region.EU_CENTRAL_1);
                assertThat(config.endpointOverride()).isEmpty();
                assertThat(config.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(10));
                assertThat(config.overrideConfiguration().apiCallAttemptTimeout())
                        .contains(Duration.ofSeconds(3));
                assertThat(config.overrideConfiguration().retryStrategy())
                        .hasValueSatisfying(
                                retries -> assertThat(retries.maxAttempts()).isEqualTo(3));
            }
        });
    }

    @Test
    void environmentVariableControllerAwsEndpointPointsAllFourServicesAtOneEndpoint() {
        context.withInitializer(app -> app.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "test-systemEnvironment", Map.of("CONTROLLER_AWS_ENDPOINT", "http://127.0.0.1:4566"))))
                .run(app -> {
                    assertThat(app.getBean(AwsProperties.class).endpoint())
                            .isEqualTo(URI.create("http://127.0.0.1:4566"));
                    for (Class<? extends SdkClient> type : clientTypes()) {
                        assertThat(configuration(app.getBean(type)).endpointOverride())
                                .contains(URI.create("http://127.0.0.1:4566"));
                    }
                });
    }

    @Test
    void aPerServiceEndpointWinsOverTheCommonOne() {
        context.withPropertyValues(
                        "controller.aws.endpoint=http://127.0.0.1:4566",
                        "controller.aws.endpoints.cloudwatch=http://127.0.0.1:4599")
                .run(app -> {
                    assertThat(configuration(app.getBean(CloudWatchClient.class))
                                    .endpointOverride())
                            .contains(URI.create("http://127.0.0.1:4599"));
                    assertThat(configuration(app.getBean(EcsClient.class)).endpointOverride())
                            .contains(URI.create("http://127.0.0.1:4566"));
                });
    }

    @Test
    void withoutAConfiguredRegionTheStandardAwsRegionSettingIsUsed() {
        String previous = System.setProperty("aws.region", "eu-west-1");
        try {
            withoutRegion.run(app -> assertThat(
                            configuration(app.getBean(EcsClient.class)).region())
                    .isEqualTo(Region.EU_WEST_1));
        } finally {
            if (previous == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", previous);
            }
        }
    }

    @Test
    void withNoRegionAnywhereTheControllerFallsBackToEuCentral1() {
        Assumptions.assumeTrue(
                System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null,
                "a region is set in this environment");
        withoutRegion.run(app ->
                assertThat(configuration(app.getBean(EcsClient.class)).region()).isEqualTo(Region.EU_CENTRAL_1));
    }

    @Test
    void invalidSettingsStopTheApplicationWithTheOffendingProperty() {
        context.withPropertyValues("controller.aws.max-attempts=0")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("maxAttempts"));
    }

    private static AwsServiceClientConfiguration configuration(SdkClient client) {
        return (AwsServiceClientConfiguration) client.serviceClientConfiguration();
    }

    private static java.util.List<Class<? extends SdkClient>> clientTypes() {
        return java.util.List.of(
                CodeDeployClient.class, EcsClient.class, CloudWatchClient.class, ElasticLoadBalancingV2Client.class);
    }
}

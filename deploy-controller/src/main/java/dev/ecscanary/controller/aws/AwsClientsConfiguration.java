package dev.ecscanary.controller.aws;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** The SDK clients, built once per application, and the guard every adapter call goes through. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
public class AwsClientsConfiguration {

    @Bean
    AwsCredentialsProvider awsCredentialsProvider() {
        return DefaultCredentialsProvider.builder().build();
    }

    @Bean
    AwsClientFactory awsClientFactory(
            AwsProperties properties,
            AwsCredentialsProvider awsCredentialsProvider,
            ObjectProvider<MeterRegistry> meterRegistry) {
        return new AwsClientFactory(
                properties, awsCredentialsProvider, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    AwsCallGuard awsCallGuard(AwsProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
        return new AwsCallGuard(properties.circuitBreaker(), meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    CodeDeployClient codeDeployClient(AwsClientFactory awsClientFactory) {
        return awsClientFactory.codeDeploy();
    }

    @Bean
    EcsClient ecsClient(AwsClientFactory awsClientFactory) {
        return awsClientFactory.ecs();
    }

    @Bean
    CloudWatchClient cloudWatchClient(AwsClientFactory awsClientFactory) {
        return awsClientFactory.cloudWatch();
    }

    @Bean
    ElasticLoadBalancingV2Client elasticLoadBalancingClient(AwsClientFactory awsClientFactory) {
        return awsClientFactory.elasticLoadBalancing();
    }
}

package dev.ecscanary.conformance;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The SDK's own clients at this module's version, pointed at the local AWS, without retries (so an injected error
 * arrives as it was sent), each recording the HTTP requests it made so a test can see which protocol went out.
 */
final class SdkClients implements AutoCloseable {

    final List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
    final EcsClient ecs;
    final CloudWatchClient cloudWatch;
    final ElasticLoadBalancingV2Client elb;

    SdkClients(URI endpoint) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("conformance", "conformance"));
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(context.httpRequest());
            }
        };
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .addExecutionInterceptor(recorder)
                .build();
        ecs = EcsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        cloudWatch = CloudWatchClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        elb = ElasticLoadBalancingV2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
    }

    SdkHttpRequest last() {
        return sent.getLast();
    }

    @Override
    public void close() {
        ecs.close();
        cloudWatch.close();
        elb.close();
    }
}

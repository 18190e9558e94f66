package dev.ecscanary.controller.aws;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Builds the four SDK clients from {@link AwsProperties}, the same way for the application and for tests:
 * region, optional endpoint override, credentials, the SDK's standard retry strategy, call and attempt
 * timeouts, an Apache HTTP connection pool per service, and the call metrics interceptor.
 */
public class AwsClientFactory {

    static final Region FALLBACK_REGION = Region.EU_CENTRAL_1;

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final AwsProperties properties;
    private final AwsCredentialsProvider credentials;
    private final MeterRegistry meters;
    private final Region region;

    public AwsClientFactory(AwsProperties properties, AwsCredentialsProvider credentials, MeterRegistry meters) {
        this.properties = properties;
        this.credentials = credentials;
        this.meters = meters;
        this.region = resolveRegion(properties.region());
    }

    public CodeDeployClient codeDeploy() {
        return configure(CodeDeployClient.builder(), AwsService.CODEDEPLOY).build();
    }

    public EcsClient ecs() {
        return configure(EcsClient.builder(), AwsService.ECS).build();
    }

    public CloudWatchClient cloudWatch() {
        return configure(CloudWatchClient.builder(), AwsService.CLOUDWATCH).build();
    }

    public ElasticLoadBalancingV2Client elasticLoadBalancing() {
        return configure(ElasticLoadBalancingV2Client.builder(), AwsService.ELASTICLOADBALANCING)
                .build();
    }

    /** The region's id, e.g. {@code eu-central-1}: as text, so that code outside the adapters needs no SDK type. */
    public String regionId() {
        return region.id();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, AwsService service) {
        URI endpoint = properties.endpointFor(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(httpClient())
                .overrideConfiguration(overrides(service));
    }

    private ApacheHttpClient.Builder httpClient() {
        return ApacheHttpClient.builder()
                .maxConnections(properties.maxConnections())
                .connectionTimeout(properties.connectionTimeout())
                .connectionAcquisitionTimeout(properties.apiCallAttemptTimeout())
                .socketTimeout(properties.apiCallAttemptTimeout());
    }

    private ClientOverrideConfiguration overrides(AwsService service) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .apiCallTimeout(properties.apiCallTimeout())
                .apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
                .addExecutionInterceptor(new AwsCallMetrics(service, meters))
                .build();
    }

    /** The SDK's standard strategy (AWS's retryable codes, throttling detection, retry quota), only tuned. */
    private RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(properties.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(properties.retryBackoff(), MAX_BACKOFF))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(properties.throttlingBackoff(), MAX_BACKOFF))
                .build();
    }

    /**
     * The configured region, else AWS_REGION (or the aws.region system property), else eu-central-1. Deliberately
     * not the SDK's full region chain: that would probe profile files and the EC2 metadata endpoint.
     */
    private static Region resolveRegion(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Region.of(configured);
        }
        return SdkSystemSetting.AWS_REGION
                .getStringValue()
                .filter(region -> !region.isBlank())
                .map(Region::of)
                .orElse(FALLBACK_REGION);
    }
}

package dev.ecscanary.localaws.support;

import dev.ecscanary.localaws.LocalAws;
import dev.ecscanary.localaws.LocalAwsSettings;
import dev.ecscanary.localaws.clock.TimeScale;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** A running local AWS with in-JVM tasks and the real SDK clients pointed at it. */
public final class LocalAwsFixture implements AutoCloseable {

    public final LocalAws aws;
    public final CodeDeployClient codeDeploy;
    public final EcsClient ecs;
    public final CloudWatchClient cloudWatch;
    public final ElasticLoadBalancingV2Client elb;

    private LocalAwsFixture(LocalAws aws, RetryMode retryMode) {
        this.aws = aws;
        URI endpoint = URI.create(aws.endpoint());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("rehearsal", "rehearsal"));
        var overrides =
                ClientOverrideConfiguration.builder().retryStrategy(retryMode).build();
        this.codeDeploy = CodeDeployClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        this.ecs = EcsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        this.cloudWatch = CloudWatchClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
        this.elb = ElasticLoadBalancingV2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .build();
    }

    /** Starts the local AWS with a blue task set of {@code demo-app:1.0.0} already healthy. */
    public static LocalAwsFixture start(double timeScale, boolean codeDeployAlarmRollback) throws Exception {
        LocalAws aws = new LocalAws(
                        new LocalAwsSettings(0, 0, 0, new TimeScale(timeScale), 1, codeDeployAlarmRollback),
                        new InJvmTaskLauncher())
                .start();
        aws.bootstrap("demo-app:1.0.0");
        return new LocalAwsFixture(aws, RetryMode.STANDARD);
    }

    @Override
    public void close() {
        codeDeploy.close();
        ecs.close();
        cloudWatch.close();
        elb.close();
        aws.close();
    }
}

package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.codedeploy.AppSpec;
import dev.ecscanary.localaws.support.LocalAwsFixture;
import dev.ecscanary.localaws.support.Releases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.ecs.model.ServerException;

/** Errors as AWS puts them on the wire: codes, HTTP statuses, throttling, and injected faults. */
class WireErrorsTest {

    private static LocalAwsFixture fixture;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = LocalAwsFixture.start(60, false);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aJsonRequestWithoutSignatureIsRefusedLikeAws() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(fixture.aws.endpoint()))
                        .header("X-Amz-Target", "CodeDeploy_20141006.GetDeployment")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"deploymentId\":\"d-AAAAAAAAA\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
    }

    @Test
    void aQueryRequestWithoutSignatureGetsAnXmlErrorResponse() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(fixture.aws.endpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeAlarms&Version=2010-08-01"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .startsWith("<ErrorResponse><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void throttlingInjectedOnAQueryOperationReachesTheSdkAsThrottlingOnceRetriesRunOut() throws Exception {
        arm("DescribeAlarms", "throttle", 3);

        assertThatThrownBy(() -> fixture.cloudWatch.describeAlarms(r -> r.alarmNames("demo-app-success-rate")))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(fixture.cloudWatch
                        .describeAlarms(r -> r.alarmNames("demo-app-success-rate"))
                        .metricAlarms())
                .hasSize(1);
    }

    @Test
    void aFewThrottledJsonCallsAreAbsorbedByTheSdksRetries() throws Exception {
        arm("GetDeploymentGroup", "throttle", 2);

        DeploymentGroupInfo group = fixture.codeDeploy
                .getDeploymentGroup(r -> r.applicationName("demo-app").deploymentGroupName("demo-app"))
                .deploymentGroupInfo();

        assertThat(group.deploymentGroupName()).isEqualTo("demo-app");
        assertThat(group.loadBalancerInfo().targetGroupPairInfoList().getFirst().targetGroups())
                .extracting(t -> t.name())
                .containsExactly("demo-app-blue", "demo-app-green");
        assertThat(group.loadBalancerInfo()
                        .targetGroupPairInfoList()
                        .getFirst()
                        .prodTrafficRoute()
                        .listenerArns())
                .containsExactly(fixture.aws.loadBalancer().production().arn());
        assertThat(group.ecsServices().getFirst().clusterName()).isEqualTo("ecs-canary");
        assertThat(group.deploymentStyle().deploymentTypeAsString()).isEqualTo("BLUE_GREEN");
        assertThat(group.alarmConfiguration().alarms().getFirst().name()).isEqualTo("demo-app-success-rate");
    }

    @Test
    void anInjectedEcsServerErrorIsAServerExceptionWithStatus500() throws Exception {
        arm("DescribeServices", "server-error", 3);

        assertThatThrownBy(() -> fixture.ecs.describeServices(
                        r -> r.cluster("ecs-canary").services("demo-app")))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void codeDeployValidatesNamesIdsAndTheRevisionHash() {
        assertThatThrownBy(() -> fixture.codeDeploy.getDeploymentGroup(
                        r -> r.applicationName("other").deploymentGroupName("demo-app")))
                .isInstanceOf(ApplicationDoesNotExistException.class);
        assertThatThrownBy(() -> fixture.codeDeploy.getDeployment(r -> r.deploymentId("nope")))
                .isInstanceOf(InvalidDeploymentIdException.class);
        assertThatThrownBy(() -> fixture.codeDeploy.getDeployment(r -> r.deploymentId("d-ABCDEFGHI")))
                .isInstanceOfSatisfying(
                        DeploymentDoesNotExistException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        String appSpec = Releases.appSpec(Releases.registerTaskDefinition(fixture.ecs, "demo-app:2.0.0"));
        assertThatThrownBy(() -> fixture.codeDeploy.createDeployment(r -> r.applicationName("demo-app")
                        .deploymentGroupName("demo-app")
                        .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                                .appSpecContent(c -> c.content(appSpec).sha256(AppSpec.sha256Of(appSpec + " "))))))
                .isInstanceOf(InvalidRevisionException.class);
    }

    @Test
    void aSecondDeploymentWhileOneIsActiveExceedsTheDeploymentLimit() throws Exception {
        String first = Releases.release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0");
        try {
            assertThatThrownBy(() -> Releases.release(fixture.ecs, fixture.codeDeploy, "demo-app:2.0.0"))
                    .isInstanceOfSatisfying(CodeDeployException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeploymentLimitExceededException");
                        assertThat(e.getMessage()).contains(first);
                    });
        } finally {
            fixture.codeDeploy.stopDeployment(r -> r.deploymentId(first).autoRollbackEnabled(true));
            dev.ecscanary.localaws.support.Eventually.await(
                    java.time.Duration.ofSeconds(30),
                    () -> fixture.aws.deployments().active().isPresent(),
                    active -> !active);
        }
    }

    @Test
    void badAdminInputGetsAProblemDetail() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(fixture.aws.endpoint() + "/_local/faults"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"operation\":\"GetDeployment\",\"kind\":\"explode\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("'kind' must be 'throttle' or 'server-error'");
        assertThat(fixture.aws.faults().remaining()).doesNotContainKey("GetDeployment");
    }

    private static void arm(String operation, String kind, int count) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(fixture.aws.endpoint() + "/_local/faults"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"" + operation + "\",\"kind\":\""
                                + kind + "\",\"count\":" + count + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
    }
}

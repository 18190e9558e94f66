package dev.ecscanary.controller.traffic.alb;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.ecscanary.controller.aws.AwsWireProtocol.ELBV2_QUERY;
import static dev.ecscanary.controller.aws.AwsWireProtocol.QUERY_CONTENT_TYPE;
import static dev.ecscanary.controller.aws.AwsWireProtocol.formParameters;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ecscanary.controller.aws.AdapterWireTest;
import dev.ecscanary.controller.aws.AwsOperation;
import dev.ecscanary.controller.aws.AwsService;
import dev.ecscanary.controller.aws.AwsTestRig;
import dev.ecscanary.controller.traffic.TargetAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * ELBv2 over awsQuery (Version 2015-12-01) as SDK 2.40.2 speaks it. Response shapes follow the ELB API reference
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeRules.html, API_Rule.html,
 * API_Action.html, API_ForwardActionConfig.html, API_DescribeTargetGroups.html): lists as {@code <member>},
 * the result inside {@code <OpResponse><OpResult>}.
 */
class AlbLoadBalancerReaderTest extends AdapterWireTest {

    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/ecs-canary/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String BLUE =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/demo-app-blue/73e2d6bc24d8a067";
    private static final String GREEN =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/demo-app-green/2453ed029918f21f";
    private static final String BOTH_TARGET_GROUPS = "<TargetGroups>" + targetGroup("demo-app-blue", BLUE)
            + targetGroup("demo-app-green", GREEN) + "</TargetGroups>";
    private static final String WEIGHTED_DEFAULT_RULE = """
            <Rules>
              <member>
                <RuleArn>arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener-rule/app/ecs-canary/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee</RuleArn>
                <Priority>10</Priority>
                <Conditions><member><Field>path-pattern</Field><Values><member>/admin/*</member></Values></member></Conditions>
                <Actions><member><Type>fixed-response</Type><Order>1</Order>
                  <FixedResponseConfig><StatusCode>403</StatusCode><ContentType>text/plain</ContentType></FixedResponseConfig></member></Actions>
                <IsDefault>false</IsDefault>
              </member>
              <member>
                <RuleArn>arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener-rule/app/ecs-canary/50dc6c495c0c9188/f2f7dc8efc522ab2/default</RuleArn>
                <Priority>default</Priority>
                <Conditions/>
                <Actions><member><Type>forward</Type><Order>1</Order>
                  <ForwardConfig>
                    <TargetGroups>
                      <member><TargetGroupArn>%s</TargetGroupArn><Weight>90</Weight></member>
                      <member><TargetGroupArn>%s</TargetGroupArn><Weight>10</Weight></member>
                    </TargetGroups>
                    <TargetGroupStickinessConfig><Enabled>false</Enabled></TargetGroupStickinessConfig>
                  </ForwardConfig></member></Actions>
                <IsDefault>true</IsDefault>
              </member>
            </Rules>
            """.formatted(BLUE, GREEN);

    private AlbLoadBalancerReader reader;

    @Override
    protected SdkAutoCloseable connectAdapters(AwsTestRig rig) {
        ElasticLoadBalancingV2Client client = rig.clients.elasticLoadBalancing();
        reader = new AlbLoadBalancerReader(client, rig.guard);
        return client;
    }

    @Test
    void resolvesTargetGroupNamesToArnsInOneCall() {
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeTargetGroups")
                .willReturn(ELBV2_QUERY.ok("DescribeTargetGroups", BOTH_TARGET_GROUPS)));

        Map<String, String> arns = reader.targetGroupArns(List.of("demo-app-blue", "demo-app-green"));

        assertThat(arns).containsExactly(Map.entry("demo-app-blue", BLUE), Map.entry("demo-app-green", GREEN));
        List<LoggedRequest> requests = server.findAll(
                ELBV2_QUERY.requestsOf("DescribeTargetGroups").withHeader("Content-Type", equalTo(QUERY_CONTENT_TYPE)));
        assertThat(requests).hasSize(1);
        assertThat(formParameters(requests.get(0).getBodyAsString()))
                .isEqualTo(Map.of(
                        "Action",
                        "DescribeTargetGroups",
                        "Version",
                        "2015-12-01",
                        "Names.member.1",
                        "demo-app-blue",
                        "Names.member.2",
                        "demo-app-green"));
    }

    @Test
    void whenOneNameIsUnknownTheOthersAreStillResolvedOneByOne() {
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeTargetGroups")
                .withRequestBody(containing("Names.member.2"))
                .willReturn(ELBV2_QUERY.error(400, "TargetGroupNotFound", "One or more target groups not found")));
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeTargetGroups")
                .withRequestBody(equalTo("Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=demo-app-blue"))
                .willReturn(ELBV2_QUERY.ok(
                        "DescribeTargetGroups",
                        "<TargetGroups>" + targetGroup("demo-app-blue", BLUE) + "</TargetGroups>")));
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeTargetGroups")
                .withRequestBody(
                        equalTo("Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=demo-app-purple"))
                .willReturn(ELBV2_QUERY.error(400, "TargetGroupNotFound", "One or more target groups not found")));

        Map<String, String> arns = reader.targetGroupArns(List.of("demo-app-blue", "demo-app-purple"));

        assertThat(arns).containsExactly(Map.entry("demo-app-blue", BLUE));
        assertThat(server.findAll(ELBV2_QUERY.requestsOf("DescribeTargetGroups")))
                .hasSize(3);
    }

    @Test
    void noNamesMeansNoCallBecauseNoNamesWouldListTheWholeAccount() {
        assertThat(reader.targetGroupArns(List.of())).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void readsTheDefaultRulesWeightedForwardBackFromTheListener() {
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeRules")
                .willReturn(ELBV2_QUERY.ok("DescribeRules", WEIGHTED_DEFAULT_RULE)));

        Map<String, Integer> weights = reader.forwardWeights(LISTENER);

        assertThat(weights).containsExactly(Map.entry(BLUE, 90), Map.entry(GREEN, 10));
        LoggedRequest request =
                server.findAll(ELBV2_QUERY.requestsOf("DescribeRules")).get(0);
        assertThat(formParameters(request.getBodyAsString()))
                .isEqualTo(Map.of("Action", "DescribeRules", "Version", "2015-12-01", "ListenerArn", LISTENER));
    }

    @Test
    void aPlainForwardToOneTargetGroupReadsAsWeightOne() {
        server.stubFor(
                ELBV2_QUERY.stubFor("DescribeRules").willReturn(ELBV2_QUERY.ok("DescribeRules", """
                <Rules><member><RuleArn>arn:rule/default</RuleArn><Priority>default</Priority>
                  <Actions><member><Type>forward</Type><TargetGroupArn>%s</TargetGroupArn></member></Actions>
                  <IsDefault>true</IsDefault></member></Rules>
                """.formatted(BLUE))));

        assertThat(reader.forwardWeights(LISTENER)).containsExactly(Map.entry(BLUE, 1));
    }

    @Test
    void followsNextMarkerUntilTheDefaultRuleShowsUp() {
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeRules")
                .withRequestBody(containing("Marker=page-2"))
                .willReturn(ELBV2_QUERY.ok("DescribeRules", WEIGHTED_DEFAULT_RULE)));
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeRules")
                .atPriority(10)
                .willReturn(ELBV2_QUERY.ok("DescribeRules", """
                        <Rules><member><RuleArn>arn:rule/20</RuleArn><Priority>20</Priority>
                          <Actions><member><Type>forward</Type><TargetGroupArn>%s</TargetGroupArn></member></Actions>
                          <IsDefault>false</IsDefault></member></Rules>
                        <NextMarker>page-2</NextMarker>
                        """.formatted(GREEN))));

        assertThat(reader.forwardWeights(LISTENER)).containsExactly(Map.entry(BLUE, 90), Map.entry(GREEN, 10));
        List<LoggedRequest> requests = server.findAll(ELBV2_QUERY.requestsOf("DescribeRules"));
        assertThat(requests).hasSize(2);
        assertThat(formParameters(requests.get(1).getBodyAsString())).containsEntry("Marker", "page-2");
    }

    @Test
    void listenerWithoutAForwardingDefaultRuleHasNoWeights() {
        server.stubFor(ELBV2_QUERY.stubFor("DescribeRules").willReturn(ELBV2_QUERY.ok("DescribeRules", """
                <Rules><member><RuleArn>arn:rule/default</RuleArn><Priority>default</Priority>
                  <Actions><member><Type>fixed-response</Type><FixedResponseConfig><StatusCode>503</StatusCode></FixedResponseConfig></member></Actions>
                  <IsDefault>true</IsDefault></member></Rules>
                """)));

        assertThat(reader.forwardWeights(LISTENER)).isEmpty();
    }

    /**
     * DescribeTargetHealth (API_DescribeTargetHealth.html, API_TargetHealthDescription.html): only targets whose
     * TargetHealth/State is {@code healthy} are asked by the pre-traffic check; ECS registers awsvpc tasks as IP
     * targets with the container port.
     */
    @Test
    void healthyTargetsAreTheIpTargetsInStateHealthyWithTheirPorts() {
        server.stubFor(
                ELBV2_QUERY.stubFor("DescribeTargetHealth").willReturn(ELBV2_QUERY.ok("DescribeTargetHealth", """
                <TargetHealthDescriptions>
                  <member><Target><Id>10.0.1.17</Id><Port>3000</Port><AvailabilityZone>eu-central-1a</AvailabilityZone></Target>
                    <HealthCheckPort>3000</HealthCheckPort><TargetHealth><State>healthy</State></TargetHealth></member>
                  <member><Target><Id>10.0.2.44</Id><Port>3000</Port></Target><HealthCheckPort>3000</HealthCheckPort>
                    <TargetHealth><State>initial</State><Reason>Elb.InitialHealthChecking</Reason>
                    <Description>Initial health checks in progress</Description></TargetHealth></member>
                  <member><Target><Id>10.0.3.9</Id><Port>3000</Port></Target><HealthCheckPort>3000</HealthCheckPort>
                    <TargetHealth><State>unhealthy</State><Reason>Target.ResponseCodeMismatch</Reason></TargetHealth></member>
                  <member><Target><Id>10.0.1.18</Id><Port>3000</Port></Target><HealthCheckPort>3000</HealthCheckPort>
                    <TargetHealth><State>healthy</State></TargetHealth></member>
                </TargetHealthDescriptions>
                """)));

        assertThat(reader.healthyTargets(GREEN))
                .containsExactly(new TargetAddress("10.0.1.17", 3000), new TargetAddress("10.0.1.18", 3000));
        LoggedRequest request =
                server.findAll(ELBV2_QUERY.requestsOf("DescribeTargetHealth")).getFirst();
        assertThat(formParameters(request.getBodyAsString()))
                .containsEntry("Action", "DescribeTargetHealth")
                .containsEntry("Version", "2015-12-01")
                .containsEntry("TargetGroupArn", GREEN);
    }

    @Test
    void aTargetGroupWithoutTargetsHasNoHealthyTarget() {
        server.stubFor(ELBV2_QUERY
                .stubFor("DescribeTargetHealth")
                .willReturn(ELBV2_QUERY.ok("DescribeTargetHealth", "<TargetHealthDescriptions/>")));

        assertThat(reader.healthyTargets(GREEN)).isEmpty();
    }

    static Stream<String> operations() {
        return Stream.of("DescribeTargetGroups", "DescribeRules", "DescribeTargetHealth");
    }

    @Override
    protected AwsOperation operation(String name) {
        List<AwsOperation> all = allOperations();
        faults.stubSuccess(all);
        return all.stream().filter(op -> op.name().equals(name)).findFirst().orElseThrow();
    }

    private List<AwsOperation> allOperations() {
        return List.of(
                op(
                        "DescribeTargetGroups",
                        BOTH_TARGET_GROUPS,
                        "LoadBalancerNotFound",
                        () -> reader.targetGroupArns(List.of("demo-app-blue", "demo-app-green"))),
                op("DescribeRules", WEIGHTED_DEFAULT_RULE, "ListenerNotFound", () -> reader.forwardWeights(LISTENER)),
                op(
                        "DescribeTargetHealth",
                        "<TargetHealthDescriptions/>",
                        "TargetGroupNotFound",
                        () -> reader.healthyTargets(GREEN)));
    }

    private static AwsOperation op(String name, String body, String rejection, Runnable invoke) {
        return new AwsOperation(ELBV2_QUERY, AwsService.ELASTICLOADBALANCING, name, body, rejection, invoke);
    }

    private static String targetGroup(String name, String arn) {
        return """
                <member>
                  <TargetGroupArn>%s</TargetGroupArn><TargetGroupName>%s</TargetGroupName>
                  <Protocol>HTTP</Protocol><Port>3000</Port><VpcId>vpc-0a1b2c3d4e5f67890</VpcId>
                  <HealthCheckProtocol>HTTP</HealthCheckProtocol><HealthCheckPath>/health</HealthCheckPath>
                  <Matcher><HttpCode>200</HttpCode></Matcher><TargetType>ip</TargetType>
                  <LoadBalancerArns><member>arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/ecs-canary/50dc6c495c0c9188</member></LoadBalancerArns>
                </member>
                """.formatted(arn, name);
    }
}

package dev.ecscanary.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.elb.LoadBalancer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** ELBv2 (AWS Query) through SDK 2.59.1: the reads that show listeners, their weights and target health. */
class ElbConformanceTest {

    private static LocalAwsUnderTest local;
    private static SdkClients sdk;
    private static LoadBalancer alb;

    @BeforeAll
    static void start() throws Exception {
        local = LocalAwsUnderTest.start();
        sdk = new SdkClients(local.endpoint);
        alb = local.aws.loadBalancer();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        local.close();
    }

    @Test
    void describeLoadBalancersAndListeners() {
        assertThat(sdk.elb.describeLoadBalancers(r -> r.names(alb.name())).loadBalancers())
                .singleElement()
                .satisfies(lb -> assertThat(lb.loadBalancerArn()).isEqualTo(alb.arn()));
        assertThat(sdk.elb.describeListeners(r -> r.loadBalancerArn(alb.arn())).listeners())
                .extracting(l -> l.port())
                .containsExactlyInAnyOrder(80, 8080);
    }

    @Test
    void describeRulesReadsTheProductionWeightsBack() {
        Rule rule = sdk.elb
                .describeRules(r -> r.listenerArn(alb.production().arn()))
                .rules()
                .getFirst();

        assertThat(rule.isDefault()).isTrue();
        assertThat(rule.actions().getFirst().type()).isEqualTo(ActionTypeEnum.FORWARD);
        List<TargetGroupTuple> groups =
                rule.actions().getFirst().forwardConfig().targetGroups();
        assertThat(groups).hasSize(2);
        assertThat(groups.stream().mapToInt(TargetGroupTuple::weight).sum()).isEqualTo(100);
    }

    @Test
    void describeTargetGroupsAndTheirHealth() {
        List<TargetGroup> groups = sdk.elb.describeTargetGroups(r -> {}).targetGroups();
        assertThat(groups)
                .hasSize(2)
                .allSatisfy(g -> assertThat(g.healthCheckPath()).isEqualTo("/health"));

        List<TargetHealthDescription> health = groups.stream()
                .flatMap(g -> sdk
                        .elb
                        .describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn()))
                        .targetHealthDescriptions()
                        .stream())
                .toList();
        assertThat(health)
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.targetHealth().state()).isNotNull());
    }

    @Test
    void anUnknownListenerIsListenerNotFoundException() {
        assertThatThrownBy(() -> sdk.elb.describeListeners(r -> r.listenerArns(alb.arn() + "/nope")))
                .isInstanceOf(ListenerNotFoundException.class);
    }

    @Test
    void injectedThrottlingArrivesAsThrottling() {
        local.throttle("DescribeRules", 1);

        assertThatThrownBy(() -> sdk.elb.describeRules(
                        r -> r.listenerArn(alb.production().arn())))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                    assertThat(e.isThrottlingException()).isTrue();
                });
    }
}

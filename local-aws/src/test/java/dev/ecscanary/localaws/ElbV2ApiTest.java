package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.support.LocalAwsFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** ELBv2 through the real SDK client, and the proxy that stands in for the ALB. */
class ElbV2ApiTest {

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
    void theProductionListenersDefaultRuleForwardsEverythingToBlue() {
        String listenerArn = fixture.aws.loadBalancer().production().arn();

        Rule rule = fixture.elb
                .describeRules(r -> r.listenerArn(listenerArn))
                .rules()
                .getFirst();

        assertThat(rule.isDefault()).isTrue();
        assertThat(rule.priority()).isEqualTo("default");
        var action = rule.actions().getFirst();
        assertThat(action.type()).isEqualTo(ActionTypeEnum.FORWARD);
        assertThat(action.forwardConfig().targetGroups())
                .hasSize(2)
                .anySatisfy(tg -> {
                    assertThat(tg.targetGroupArn()).contains("targetgroup/demo-app-blue/");
                    assertThat(tg.weight()).isEqualTo(100);
                })
                .anySatisfy(tg -> {
                    assertThat(tg.targetGroupArn()).contains("targetgroup/demo-app-green/");
                    assertThat(tg.weight()).isZero();
                });
    }

    @Test
    void targetGroupsAreFoundByNameAndByArn() {
        TargetGroup byName = fixture.elb
                .describeTargetGroups(r -> r.names("demo-app-green"))
                .targetGroups()
                .getFirst();
        TargetGroup byArn = fixture.elb
                .describeTargetGroups(r -> r.targetGroupArns(byName.targetGroupArn()))
                .targetGroups()
                .getFirst();

        assertThat(byArn.targetGroupName()).isEqualTo("demo-app-green");
        assertThat(byName.healthCheckPath()).isEqualTo("/health");
        assertThat(byName.port()).isEqualTo(3000);
        assertThat(byName.loadBalancerArns())
                .containsExactly(fixture.aws.loadBalancer().arn());
        assertThatThrownBy(() -> fixture.elb.describeTargetGroups(r -> r.names("nope")))
                .isInstanceOfSatisfying(
                        TargetGroupNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void listenersAreDescribedByLoadBalancerWithTheirAwsPorts() {
        var listeners = fixture.elb
                .describeListeners(
                        r -> r.loadBalancerArn(fixture.aws.loadBalancer().arn()))
                .listeners();

        assertThat(listeners).extracting(Listener::port).containsExactly(80, 8080);
        assertThatThrownBy(() -> fixture.elb.describeListeners(
                        r -> r.listenerArns(listeners.getFirst().listenerArn() + "x")))
                .isInstanceOf(ListenerNotFoundException.class);
    }

    @Test
    void theBlueTaskIsAHealthyTarget() {
        String blueArn = fixture.aws
                .loadBalancer()
                .targetGroupByName("demo-app-blue")
                .orElseThrow()
                .arn();

        var health =
                fixture.elb.describeTargetHealth(r -> r.targetGroupArn(blueArn)).targetHealthDescriptions();

        assertThat(health)
                .singleElement()
                .satisfies(h -> assertThat(h.targetHealth().state()).isEqualTo(TargetHealthStateEnum.HEALTHY));
    }

    @Test
    void theProductionListenerProxiesToTheBlueTaskOverKeepAlive() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(fixture.aws.productionUrl() + "/api/tasks"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-App-Version")).hasValue("1.0.0");
            }
        }
    }
}

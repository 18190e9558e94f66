package dev.ecscanary.localaws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.support.Releases;
import dev.ecscanary.localaws.wire.AwsException;
import org.junit.jupiter.api.Test;

class AppSpecTest {

    @Test
    void theRepositorysAppSpecTemplateParsesOnceRendered() {
        String content = Releases.appSpec("arn:aws:ecs:eu-central-1:000000000000:task-definition/demo-app:7");

        AppSpec appSpec = AppSpec.parse(content, AppSpec.sha256Of(content));

        assertThat(appSpec)
                .isEqualTo(new AppSpec(
                        "arn:aws:ecs:eu-central-1:000000000000:task-definition/demo-app:7", "demo-app", 3000));
    }

    @Test
    void theJsonFormIsAcceptedToo() {
        String json =
                "{\"version\":0.0,\"Resources\":[{\"TargetService\":{\"Type\":\"AWS::ECS::Service\",\"Properties\":"
                        + "{\"TaskDefinition\":\"arn:td\",\"LoadBalancerInfo\":{\"ContainerName\":\"demo-app\",\"ContainerPort\":3000}}}}]}";

        assertThat(AppSpec.parse(json, null).taskDefinition()).isEqualTo("arn:td");
    }

    @Test
    void aWrongHashOrAMissingTaskDefinitionIsAnInvalidRevision() {
        String content = Releases.appSpec("arn:td");

        assertThatThrownBy(() -> AppSpec.parse(content, "00"))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidRevisionException"));
        assertThatThrownBy(() -> AppSpec.parse("version: 0.0\nResources: []\n", null))
                .hasMessageContaining("no Resources");
        assertThatThrownBy(() -> AppSpec.parse("Resources: [ {", null)).hasMessageContaining("not valid YAML");
    }
}

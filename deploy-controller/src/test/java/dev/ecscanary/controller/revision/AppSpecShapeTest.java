package dev.ecscanary.controller.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An AppSpec template that renders to something other than an ECS AppSpec is refused, naming what is wrong. */
class AppSpecShapeTest {

    private static final String ARN = "arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not YAML", "Resources: [unclosed", "it is not YAML"),
                Arguments.of("empty", "", "the document must be a mapping, but is missing"),
                Arguments.of("a list at the top", "- Resources", "the document must be a mapping, got a list"),
                Arguments.of("no Resources", "version: 0.0", "Resources must be a list, but is missing"),
                Arguments.of("Resources a string", "Resources: everything", "Resources must be a list, got a string"),
                Arguments.of("Resources a mapping", "Resources: {a: 1}", "Resources must be a list, got a mapping"),
                Arguments.of("Resources empty", "Resources: []", "Resources is empty"),
                Arguments.of(
                        "first resource a number", "Resources: [42]", "Resources[0] must be a mapping, got a number"),
                Arguments.of("first resource names nothing", "Resources: [{}]", "Resources[0] names no target"),
                Arguments.of(
                        "target a boolean",
                        "Resources: [{TargetService: true}]",
                        "Resources[0].TargetService must be a mapping, got a boolean"),
                Arguments.of(
                        "target without Properties",
                        "Resources: [{TargetService: {Type: AWS::ECS::Service}}]",
                        "Resources[0].TargetService.Properties must be a mapping, but is missing"),
                Arguments.of(
                        "Properties a list",
                        "Resources: [{TargetService: {Properties: [TaskDefinition]}}]",
                        "Resources[0].TargetService.Properties must be a mapping, got a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedShapeIsATemplateErrorNamingTheKey(String name, String template, String reason) {
        assertThatThrownBy(() -> renderer(template).render(ARN))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessageStartingWith("AppSpec template did not render to an ECS AppSpec")
                .hasMessageContaining(reason);
    }

    @Test
    void aWellShapedAppSpecForAnotherContainerIsRefusedForWhatItNames() {
        String otherPort = """
                Resources:
                  - TargetService:
                      Properties:
                        TaskDefinition: "{{taskDefinitionArn}}"
                        LoadBalancerInfo: {ContainerName: "{{containerName}}", ContainerPort: 8080}
                """;
        assertThatThrownBy(() -> renderer(otherPort).render(ARN))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessageContaining("container 'demo-app' and port 3000");
    }

    @Test
    void theSmallestWellShapedAppSpecRenders() {
        String minimal = """
                Resources:
                  - TargetService:
                      Properties:
                        TaskDefinition: "{{taskDefinitionArn}}"
                        LoadBalancerInfo: {ContainerName: "{{containerName}}", ContainerPort: {{containerPort}}}
                """;
        assertThat(renderer(minimal).render(ARN).content()).contains(ARN);
    }

    private static AppSpecRenderer renderer(String template) {
        return new AppSpecRenderer(StrictTemplate.compile("appspec.yaml", template), "demo-app", 3000);
    }
}

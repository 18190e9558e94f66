package dev.ecscanary.controller.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.config.ServiceProperties;
import dev.ecscanary.controller.config.ServiceProperties.TemplateVariables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's own taskdef.json.tpl and appspec.yaml, rendered as the controller renders them, pinned by golden
 * files; and the guarantees of strict rendering: escaped values, no missing variables, no unescaped tags.
 * Set {@code -Dgolden.update=true} to rewrite the golden files after a deliberate template change.
 */
class TemplateRenderingTest {

    static final Path ROOT = Path.of("..");
    static final String ARN = "arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-app:7";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ServiceProperties service(Map<String, String> environment) {
        return new ServiceProperties(
                "ecs-canary",
                "demo-app",
                "demo-app",
                "demo-app",
                "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                "demo-app",
                3000,
                "file:../taskdef.json.tpl",
                "file:../appspec.yaml",
                List.of("demo-app-success-rate"),
                List.of("production"),
                List.of("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app"),
                new TemplateVariables(
                        "demo-app",
                        "256",
                        "512",
                        "arn:aws:iam::123456789012:role/demo-app-execution",
                        "arn:aws:iam::123456789012:role/demo-app-task",
                        "/ecs/demo-app",
                        "eu-central-1",
                        environment),
                null,
                null);
    }

    static TaskDefinitionRenderer taskDefinition(ServiceProperties service) throws IOException {
        return new TaskDefinitionRenderer(
                StrictTemplate.compile("taskdef.json.tpl", Files.readString(ROOT.resolve("taskdef.json.tpl"))),
                service);
    }

    static AppSpecRenderer appSpec() throws IOException {
        return new AppSpecRenderer(
                StrictTemplate.compile("appspec.yaml", Files.readString(ROOT.resolve("appspec.yaml"))),
                "demo-app",
                3000);
    }

    @Test
    void taskDefinitionMatchesTheGoldenFile() throws IOException {
        String rendered = taskDefinition(service(Map.of("LOG_LEVEL", "info", "FEATURE_X", "on")))
                .render(ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0"));
        assertMatchesGolden("taskdef-demo-app.json", rendered);
    }

    @Test
    void appSpecMatchesTheGoldenFileAndItsHashIsSha256OfTheContent() throws IOException {
        AppSpecRenderer.RenderedAppSpec spec = appSpec().render(ARN);
        assertMatchesGolden("appspec-demo-app.yaml", spec.content());
        assertThat(spec.sha256()).hasSize(64).isEqualTo(AppSpecRenderer.sha256(spec.content()));
    }

    @Test
    void valuesThatLookLikeJsonStayInsideTheirStrings() throws IOException {
        String hostile = "x\", \"privileged\": true, \"y\": \"\n}";
        String rendered = taskDefinition(service(Map.of("HOSTILE", hostile)))
                .render(ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0"));
        JsonNode container =
                JSON.readTree(rendered).path("containerDefinitions").get(0);
        assertThat(container.has("privileged")).isFalse();
        boolean found = false;
        for (JsonNode env : container.path("environment")) {
            if (env.path("name").asString().equals("HOSTILE")) {
                assertThat(env.path("value").asString()).isEqualTo(hostile);
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void aValueThatLooksLikeYamlStaysOneScalar() throws IOException {
        String hostile = "x\"\nHooks:\n  - BeforeInstall: evil";
        String content = appSpec().render(hostile).content();
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(content);
        assertThat(doc).doesNotContainKey("Hooks");
        assertThat(content).doesNotContain("\nHooks:");
    }

    @Test
    void aMissingVariableIsAnErrorNotAnEmptyString() {
        StrictTemplate t = StrictTemplate.compile("t", "{\"a\": \"{{present}}\", \"b\": \"{{absent}}\"}");
        assertThatThrownBy(() -> t.render(Map.of("present", "yes")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("{{absent}}");
    }

    @Test
    void unescapedTagsAreRefused() {
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{{raw}}}")).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{& raw}}")).isInstanceOf(TemplateException.class);
    }

    @Test
    void unescapedTagsAreRefusedWhateverTheDelimiters() {
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{=<% %>=}}\"<%& raw %>\""))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unescaped");
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{=<% %>=}}\"<%{raw}%>\""))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unescaped");
    }

    /** Found by TemplateFuzzTest: {@code {{>{}} made mustache resolve a partial named "{" as a URI and throw. */
    @Test
    void partialsAndInheritanceWhichWouldReadOtherFilesAreRefused() {
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{>{")).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{> /etc/hostname}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("partials");
        assertThatThrownBy(() -> StrictTemplate.compile("t", "{{<application.yml}}{{/application.yml}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("inheritance");
    }

    @Test
    void aTemplateWithoutTheServicesContainerOrPortIsRefused() {
        ServiceProperties s = service(Map.of());
        TaskDefinitionRenderer noPort = new TaskDefinitionRenderer(StrictTemplate.compile("t", """
                {"family": "{{family}}", "containerDefinitions": [{"name": "{{containerName}}", "image": "{{image}}",
                 "portMappings": [{"containerPort": 8080}]}]}"""), s);
        assertThatThrownBy(() -> noPort.render(
                        ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:1")))
                .hasMessageContaining("maps no containerPort 3000");
        TaskDefinitionRenderer wrongName = new TaskDefinitionRenderer(StrictTemplate.compile("t", """
                {"containerDefinitions": [{"name": "web", "image": "{{image}}"}]}"""), s);
        assertThatThrownBy(() -> wrongName.render(
                        ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:1")))
                .hasMessageContaining("no container named 'demo-app'");
    }

    private static void assertMatchesGolden(String name, String rendered) throws IOException {
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }
}

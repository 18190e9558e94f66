package dev.ecscanary.controller.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ecscanary.controller.config.ServiceProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes template rendering, free of the Spring context (Jazzer instruments the classpath, so keep it small):
 * <ul>
 * <li>any template source either compiles or is a {@link TemplateException}, and renders or is a
 *     {@link TemplateException} — never another failure;</li>
 * <li>the repository's task definition, rendered with fuzzed configuration values and a fuzzed image, is valid JSON
 *     with exactly the template's keys: no value, however hostile, adds or breaks one.</li>
 * </ul>
 */
class TemplateFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TASKDEF = resource("/taskdef.json.tpl");

    @FuzzTest(maxDuration = "20s")
    void anyTemplateCompilesAndRendersOrFailsAsATemplateError(FuzzedDataProvider data) {
        String value = data.consumeString(200);
        String source = data.consumeRemainingAsString();
        try {
            StrictTemplate.compile("fuzzed", source)
                    .render(Map.of(
                            "image",
                            value,
                            "family",
                            value,
                            "environment",
                            List.of(Map.of("name", value, "value", value, "last", true))));
        } catch (TemplateException expected) {
            // a bad template or a missing value, said in words
        }
    }

    @FuzzTest(maxDuration = "20s")
    void hostileConfigurationValuesNeverChangeTheTaskDefinitionsShape(FuzzedDataProvider data) {
        String family = nonBlank(data.consumeString(100));
        String logGroup = nonBlank(data.consumeString(100));
        String envName = nonBlank(data.consumeString(50));
        String envValue = data.consumeString(200);
        String imageText = "demo-app:" + data.consumeRemainingAsString();
        ImageReference image = ImageReference.tryParse(imageText).orElse(ImageReference.parse("demo-app:1.0.0"));
        ServiceProperties service = new ServiceProperties(
                "ecs-canary",
                "demo-app",
                "demo-app",
                "demo-app",
                "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                "demo-app",
                3000,
                "classpath:taskdef.json.tpl",
                "classpath:appspec.yaml",
                List.of("alarm"),
                List.of(),
                List.of("demo-app"),
                new ServiceProperties.TemplateVariables(
                        family,
                        "256",
                        "512",
                        "arn:aws:iam::1:role/x",
                        "arn:aws:iam::1:role/y",
                        logGroup,
                        "eu-central-1",
                        Map.of(envName, envValue)),
                null,
                null);
        String rendered = new TaskDefinitionRenderer(StrictTemplate.compile("taskdef", TASKDEF), service).render(image);

        JsonNode root = JSON.readTree(rendered);
        assertThat(root.path("family").asString()).isEqualTo(family);
        JsonNode container = root.path("containerDefinitions").get(0);
        assertThat(container.path("image").asString()).isEqualTo(image.value());
        JsonNode environment = container.path("environment");
        assertThat(environment.size())
                .as("PORT, APP_VERSION, APP_IMAGE and the one configured")
                .isEqualTo(4);
        assertThat(environment.get(2).path("value").asString()).isEqualTo(image.value());
        assertThat(environment.get(3).path("name").asString()).isEqualTo(envName);
        assertThat(environment.get(3).path("value").asString()).isEqualTo(envValue);
        assertThat(container
                        .path("logConfiguration")
                        .path("options")
                        .path("awslogs-group")
                        .asString())
                .isEqualTo(logGroup);
    }

    private static String nonBlank(String s) {
        return s.isBlank() ? "x" : s;
    }

    private static String resource(String name) {
        try (InputStream in = TemplateFuzzTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

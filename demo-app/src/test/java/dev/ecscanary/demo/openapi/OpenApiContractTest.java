package dev.ecscanary.demo.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.ApiTest;
import dev.ecscanary.demo.support.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The checked-in OpenAPI description and the running application describe the same API. */
class OpenApiContractTest extends ApiTest {

    private static final Path CHECKED_IN = Path.of("src/main/resources/openapi.json");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private JsonNode document;

    @BeforeEach
    void readCheckedInDocument() throws IOException {
        document = Http.parse(Files.readString(CHECKED_IN));
    }

    @Test
    void theServedDescriptionIsTheCheckedInOne() {
        Http.Response served = http.get("/v3/api-docs");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("application/json");
        assertThat(served.json()).isEqualTo(document);
        assertThat(document.get("openapi").asString()).startsWith("3.");
    }

    @Test
    void everyMappedRouteIsDescribedAndEveryDescribedRouteIsMapped() {
        Set<String> mapped = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.ecscanary.demo")) {
                mapped.addAll(operations(info));
            }
        });
        Set<String> described = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(HTTP_METHODS::contains)
                        .forEach(method -> described.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        assertThat(references)
                .allSatisfy(reference -> assertThat(
                                document.at(reference.substring(1)).isMissingNode())
                        .as(reference)
                        .isFalse());
    }

    @Test
    void theSchemasNameTheFieldsTheApiReallySends() {
        long id = createTask("described", false);

        assertThat(fieldsOf(http.get("/api/tasks/" + id).json())).isEqualTo(schemaProperties("Task"));
        assertThat(fieldsOf(http.get("/api/tasks").json())).isEqualTo(schemaProperties("TaskPage"));
        assertThat(fieldsOf(http.get("/api/version").json())).isEqualTo(schemaProperties("Version"));
        assertThat(schemaProperties("Health"))
                .containsAll(fieldsOf(http.get("/health").json()));
        assertThat(schemaProperties("DatabaseState"))
                .containsAll(fieldsOf(http.get("/health").json().get("database")));
        assertThat(schemaProperties("Problem"))
                .containsAll(fieldsOf(http.post("/api/tasks", "{\"title\":1}").json()));
        assertThat(schemaProperties("Problem"))
                .containsAll(fieldsOf(http.get("/api/tasks/0").json()));
    }

    private static Set<String> operations(RequestMappingInfo info) {
        Set<String> operations = new TreeSet<>();
        for (String pattern : info.getPatternValues()) {
            info.getMethodsCondition().getMethods().forEach(method -> operations.add(method.name() + " " + pattern));
        }
        return operations;
    }

    private Set<String> schemaProperties(String schema) {
        return new TreeSet<>(
                document.at("/components/schemas/" + schema + "/properties").propertyNames());
    }

    private static Set<String> fieldsOf(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                if (member.getKey().equals("$ref")) {
                    references.add(member.getValue().asString());
                } else {
                    collectReferences(member.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}

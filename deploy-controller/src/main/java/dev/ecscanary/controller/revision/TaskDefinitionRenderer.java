package dev.ecscanary.controller.revision;

import dev.ecscanary.controller.config.ServiceProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a service's task definition template for one image and checks the result: valid JSON, the service's
 * container present with that image and its port mapped. Only the image comes from a request.
 */
public final class TaskDefinitionRenderer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StrictTemplate template;
    private final ServiceProperties service;

    public TaskDefinitionRenderer(StrictTemplate template, ServiceProperties service) {
        this.template = template;
        this.service = service;
    }

    public String render(ImageReference image) {
        String rendered = template.render(model(image));
        check(rendered, image);
        return rendered;
    }

    private Map<String, Object> model(ImageReference image) {
        ServiceProperties.TemplateVariables vars = service.variables();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("family", vars.family());
        model.put("image", image.value());
        model.put("appVersion", image.version());
        model.put("containerName", service.containerName());
        model.put("containerPort", service.containerPort());
        model.put("cpu", vars.cpu());
        model.put("memory", vars.memory());
        model.put("executionRoleArn", vars.executionRoleArn());
        model.put("taskRoleArn", vars.taskRoleArn());
        model.put("logGroup", vars.logGroup());
        model.put("region", vars.region());
        model.put("environment", environment(vars.environment()));
        return model;
    }

    private static List<Map<String, Object>> environment(Map<String, String> variables) {
        List<Map<String, Object>> list = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(variables).entrySet()) {
            i++;
            list.add(Map.of("name", e.getKey(), "value", e.getValue(), "last", i == variables.size()));
        }
        return list;
    }

    private void check(String rendered, ImageReference image) {
        JsonNode root;
        try {
            root = JSON.readTree(rendered);
        } catch (JacksonException e) {
            throw new TemplateException(
                    "task definition template did not render to valid JSON: " + e.getOriginalMessage());
        }
        JsonNode container = findContainer(root.path("containerDefinitions"));
        if (!image.value().equals(container.path("image").asString(null))) {
            throw new TemplateException("container '" + service.containerName() + "' does not run the requested image");
        }
        boolean portMapped = false;
        for (JsonNode mapping : container.path("portMappings")) {
            portMapped |= mapping.path("containerPort").asInt(-1) == service.containerPort();
        }
        if (!portMapped) {
            throw new TemplateException(
                    "container '" + service.containerName() + "' maps no containerPort " + service.containerPort());
        }
    }

    private JsonNode findContainer(JsonNode containers) {
        for (JsonNode container : containers) {
            if (service.containerName().equals(container.path("name").asString(null))) {
                return container;
            }
        }
        throw new TemplateException("task definition has no container named '" + service.containerName() + "'");
    }
}

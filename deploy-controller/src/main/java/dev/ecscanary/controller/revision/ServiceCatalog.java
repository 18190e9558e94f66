package dev.ecscanary.controller.revision;

import dev.ecscanary.controller.config.ServiceProperties;
import dev.ecscanary.controller.config.ServicesProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The configured services with their compiled templates. Built at start-up, where every template is rendered once
 * for each service: a service whose templates do not compile, lack a value or render to something invalid stops
 * the controller from starting, with the reason.
 */
@Component
public class ServiceCatalog {

    private final Map<String, ReleasableService> services = new TreeMap<>();

    public ServiceCatalog(ServicesProperties properties, ResourceLoader resources) {
        properties.services().forEach((name, service) -> services.put(name, build(name, service, resources)));
    }

    private static ReleasableService build(String name, ServiceProperties service, ResourceLoader resources) {
        try {
            StrictTemplate taskDef = StrictTemplate.compile(
                    service.taskDefinitionTemplate(), read(resources.getResource(service.taskDefinitionTemplate())));
            StrictTemplate appSpec = StrictTemplate.compile(
                    service.appSpecTemplate(), read(resources.getResource(service.appSpecTemplate())));
            ReleasableService releasable = new ReleasableService(
                    name,
                    service,
                    new TaskDefinitionRenderer(taskDef, service),
                    new AppSpecRenderer(appSpec, service.containerName(), service.containerPort()));
            releasable.selfCheck();
            return releasable;
        } catch (TemplateException | IllegalArgumentException e) {
            throw new IllegalStateException("Service '" + name + "' is misconfigured: " + e.getMessage(), e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + resource.getDescription() + ": " + e.getMessage());
        }
    }

    public Optional<ReleasableService> find(String name) {
        return Optional.ofNullable(services.get(name));
    }

    public Collection<ReleasableService> all() {
        return services.values();
    }
}

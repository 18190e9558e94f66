package dev.ecscanary.controller.judge;

import dev.ecscanary.controller.config.ServicesProperties;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every configured service's canary-judge settings, checked when the controller starts: a value that cannot work
 * stops the start with the service, the property and the reason; a service that sets none gets the defaults.
 */
@Component
public class CanaryJudges {

    private final Map<String, JudgeSettings> settings = new TreeMap<>();

    public CanaryJudges(ServicesProperties properties) {
        properties.services().forEach((name, service) -> {
            JudgeSettings configured = service.canaryJudge() == null ? JudgeSettings.defaults() : service.canaryJudge();
            try {
                settings.put(name, configured.check("controller.services." + name + ".canary-judge"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Service '" + name + "' is misconfigured: " + e.getMessage(), e);
            }
        });
    }

    /** The service's settings; the defaults for a service this controller does not know. */
    public JudgeSettings of(String service) {
        return settings.getOrDefault(service, JudgeSettings.defaults());
    }
}

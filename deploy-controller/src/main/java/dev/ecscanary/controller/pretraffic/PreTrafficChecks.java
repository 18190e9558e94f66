package dev.ecscanary.controller.pretraffic;

import dev.ecscanary.controller.config.ServicesProperties;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every configured service's pre-traffic check, checked when the controller starts: a malformed one stops the start
 * with the service, the property and what is wrong.
 */
@Component
public class PreTrafficChecks {

    private final Map<String, SmokePlan> plans = new TreeMap<>();

    public PreTrafficChecks(ServicesProperties properties) {
        properties.services().forEach((name, service) -> {
            if (service.preTrafficCheck() != null) {
                String at = "controller.services." + name + ".pre-traffic-check";
                try {
                    plans.put(name, SmokePlans.from(service.preTrafficCheck(), at));
                } catch (InvalidCheckException e) {
                    throw new IllegalStateException("Service '" + name + "' is misconfigured: " + e.getMessage(), e);
                }
            }
        });
    }

    /** The service's check, or empty when it has none (its releases continue to traffic at once). */
    public Optional<SmokePlan> of(String service) {
        return Optional.ofNullable(plans.get(service));
    }
}

package dev.ecscanary.controller.config;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The services this controller may release, by name ({@code controller.services.<name>.*}).
 *
 * @param services the declared services; default none
 */
@Validated
@ConfigurationProperties("controller")
public record ServicesProperties(@DefaultValue Map<String, @Valid ServiceProperties> services) {

    public Optional<ServiceProperties> find(String name) {
        return Optional.ofNullable(services.get(name));
    }
}

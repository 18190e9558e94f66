package dev.ecscanary.demo.version;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What this process is: the release it belongs to, so that a rehearsal can tell blue from green.
 *
 * @param version the release version, from {@code APP_VERSION}; defaults to the Maven project version
 * @param image   the container image it runs as, from {@code APP_IMAGE}; null when not set
 */
@ConfigurationProperties("app")
public record AppInfo(String version, String image) {

    public AppInfo {
        image = image == null || image.isBlank() ? null : image;
    }
}

package dev.ecscanary.localaws.ecs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The rehearsal's container registry: which image tags exist and what each one has baked in (environment
 * such as FAULT_RATE). An image is {@code [registry/path/]demo-app:<tag>}; anything else cannot be pulled.
 */
public final class ImageCatalogue {

    public static final String RESOURCE = "/image-catalogue.properties";

    private final Map<String, Map<String, String>> images;

    public ImageCatalogue(Map<String, Map<String, String>> images) {
        this.images = Map.copyOf(images);
    }

    public static ImageCatalogue load() {
        Properties p = new Properties();
        try (InputStream in = ImageCatalogue.class.getResourceAsStream(RESOURCE)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> images = new LinkedHashMap<>();
        for (String image : p.stringPropertyNames()) {
            Map<String, String> env = new LinkedHashMap<>();
            for (String pair : p.getProperty(image).split(";")) {
                if (!pair.isBlank()) {
                    env.put(
                            pair.substring(0, pair.indexOf('=')).trim(),
                            pair.substring(pair.indexOf('=') + 1).trim());
                }
            }
            images.put(image, Map.copyOf(env));
        }
        return new ImageCatalogue(images);
    }

    /** The environment baked into the image, or empty when the registry has no such image. */
    public Optional<Map<String, String>> bakedEnvironment(String image) {
        return Optional.ofNullable(images.get(repositoryAndTag(image)));
    }

    /** {@code registry.example/team/demo-app:2.0.0} becomes {@code demo-app:2.0.0}. */
    static String repositoryAndTag(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }

    public java.util.Set<String> images() {
        return images.keySet();
    }
}

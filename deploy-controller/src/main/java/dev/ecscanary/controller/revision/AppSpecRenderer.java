package dev.ecscanary.controller.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Renders the AppSpec for a registered task definition and checks that it says what was meant. */
public final class AppSpecRenderer {

    private final StrictTemplate template;
    private final String containerName;
    private final int containerPort;

    public AppSpecRenderer(StrictTemplate template, String containerName, int containerPort) {
        this.template = template;
        this.containerName = containerName;
        this.containerPort = containerPort;
    }

    public RenderedAppSpec render(String taskDefinitionArn) {
        String content = template.render(Map.of(
                "taskDefinitionArn", taskDefinitionArn,
                "containerName", containerName,
                "containerPort", containerPort));
        check(content, taskDefinitionArn);
        return new RenderedAppSpec(content, sha256(content));
    }

    private void check(String content, String taskDefinitionArn) {
        Map<?, ?> properties;
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
            Map<?, ?> resource = (Map<?, ?>) ((List<?>) ((Map<?, ?>) doc).get("Resources")).getFirst();
            Map<?, ?> target =
                    (Map<?, ?>) ((Map<?, ?>) resource.values().iterator().next());
            properties = (Map<?, ?>) target.get("Properties");
        } catch (YAMLException | ClassCastException | NullPointerException | java.util.NoSuchElementException e) {
            throw new TemplateException(
                    "AppSpec template did not render to an ECS AppSpec (Resources[0].<name>.Properties): "
                            + e.getMessage());
        }
        Map<?, ?> lb = properties.get("LoadBalancerInfo") instanceof Map<?, ?> m ? m : Map.of();
        if (!taskDefinitionArn.equals(properties.get("TaskDefinition"))
                || !containerName.equals(lb.get("ContainerName"))
                || !Integer.valueOf(containerPort).equals(lb.get("ContainerPort"))) {
            throw new TemplateException("AppSpec does not name the task definition, container '" + containerName
                    + "' and port " + containerPort + " it was rendered for");
        }
    }

    static String sha256(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The AppSpec as sent to CodeDeploy, with the SHA-256 CodeDeploy checks it against. */
    public record RenderedAppSpec(String content, String sha256) {}
}

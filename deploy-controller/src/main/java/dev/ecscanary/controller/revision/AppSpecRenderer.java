package dev.ecscanary.controller.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

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
        Map<?, ?> properties = AppSpecShape.targetProperties(content);
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

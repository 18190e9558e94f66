package dev.ecscanary.localaws.codedeploy;

import dev.ecscanary.localaws.wire.AwsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The parts of an ECS AppSpec (YAML or JSON) that the deployment uses: the TargetService's task definition
 * and the container and port that the load balancer routes to.
 */
public record AppSpec(String taskDefinition, String containerName, Integer containerPort) {

    /** Parses {@code content}, checking it against {@code sha256} when one is given. */
    public static AppSpec parse(String content, String sha256) {
        if (content == null || content.isBlank()) {
            throw invalid("The AppSpec content is empty.");
        }
        if (sha256 != null && !sha256.isEmpty() && !sha256.equalsIgnoreCase(sha256Of(content))) {
            throw invalid("The SHA256 hash of the AppSpec content does not match the sha256 value provided.");
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        } catch (RuntimeException e) {
            throw invalid("The AppSpec content is not valid YAML or JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<?, ?> properties = targetServiceProperties(document);
        Object taskDefinition = properties.get("TaskDefinition");
        if (!(taskDefinition instanceof String arn) || arn.isBlank()) {
            throw invalid("The AppSpec TargetService has no TaskDefinition.");
        }
        Map<?, ?> loadBalancerInfo = properties.get("LoadBalancerInfo") instanceof Map<?, ?> info ? info : properties;
        Object port = loadBalancerInfo.get("ContainerPort");
        return new AppSpec(
                arn,
                (String) loadBalancerInfo.get("ContainerName"),
                port == null ? null : Integer.valueOf(port.toString()));
    }

    private static Map<?, ?> targetServiceProperties(Object document) {
        if (!(document instanceof Map<?, ?> root)
                || !(root.get("Resources") instanceof List<?> resources)
                || resources.isEmpty()) {
            throw invalid("The AppSpec has no Resources list.");
        }
        for (Object resource : resources) {
            if (resource instanceof Map<?, ?> named) {
                for (Object value : named.values()) {
                    if (value instanceof Map<?, ?> service
                            && "AWS::ECS::Service".equals(service.get("Type"))
                            && service.get("Properties") instanceof Map<?, ?> properties) {
                        return properties;
                    }
                }
            }
        }
        throw invalid("The AppSpec has no resource of Type AWS::ECS::Service with Properties.");
    }

    public static String sha256Of(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AwsException invalid(String message) {
        return AwsException.client("InvalidRevisionException", message);
    }
}

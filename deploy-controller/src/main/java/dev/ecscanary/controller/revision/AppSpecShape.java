package dev.ecscanary.controller.revision;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds the ECS target's {@code Properties} in a rendered AppSpec ({@code Resources[0].<name>.Properties}), checking
 * each step on the way: a key that is missing or holds another shape is a {@link TemplateException} naming it.
 */
final class AppSpecShape {

    private static final String EXPECTED =
            "AppSpec template did not render to an ECS AppSpec" + " (Resources[0].<name>.Properties): ";

    private AppSpecShape() {}

    static Map<?, ?> targetProperties(String content) {
        Map<?, ?> document = mapping(parse(content), "the document");
        List<?> resources = list(document.get("Resources"), "Resources");
        if (resources.isEmpty()) {
            throw wrong("Resources is empty");
        }
        Map<?, ?> resource = mapping(resources.getFirst(), "Resources[0]");
        if (resource.isEmpty()) {
            throw wrong("Resources[0] names no target");
        }
        Map.Entry<?, ?> target = resource.entrySet().iterator().next();
        String targetPath = "Resources[0]." + target.getKey();
        Map<?, ?> targetBody = mapping(target.getValue(), targetPath);
        return mapping(targetBody.get("Properties"), targetPath + ".Properties");
    }

    private static Object parse(String content) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        } catch (YAMLException e) {
            throw wrong("it is not YAML: " + e.getMessage());
        }
    }

    private static Map<?, ?> mapping(Object node, String path) {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        throw wrong(path + " must be a mapping, " + found(node));
    }

    private static List<?> list(Object node, String path) {
        if (node instanceof List<?> list) {
            return list;
        }
        throw wrong(path + " must be a list, " + found(node));
    }

    private static String found(Object node) {
        return switch (node) {
            case null -> "but is missing";
            case Map<?, ?> m -> "got a mapping";
            case List<?> l -> "got a list";
            case String s -> "got a string";
            case Number n -> "got a number";
            case Boolean b -> "got a boolean";
            default -> "got " + node.getClass().getSimpleName();
        };
    }

    private static TemplateException wrong(String what) {
        return new TemplateException(EXPECTED + what);
    }
}

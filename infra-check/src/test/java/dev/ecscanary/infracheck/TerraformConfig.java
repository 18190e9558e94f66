package dev.ecscanary.infracheck;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The root Terraform module as hcl4j parses it: all *.tf files of the folder, read as one body so that locals
 * and variable defaults resolve across files. A reference hcl4j cannot resolve (a resource attribute) stays
 * the reference's text, e.g. {@code aws_iam_role.task.arn}, which is what the pairing checks compare.
 * <p>
 * hcl4j lacks two of Terraform's collection functions that the controller task's environment is built with; they are
 * registered here as Terraform defines them: {@code merge} (later maps win) and {@code keys} (in lexical order).
 * A {@code for} over a map's {@code name, value} pairs stays beyond hcl4j: it comes out empty.
 */
final class TerraformConfig {

    private final Map<String, Object> body;

    private TerraformConfig(Map<String, Object> body) {
        this.body = body;
    }

    static TerraformConfig load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder text = new StringBuilder();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                text.append(Files.readString(file)).append('\n');
            }
            return new TerraformConfig(map(plain(parser().parse(text.toString()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Terraform in " + folder + " does not parse as HCL", e);
        }
    }

    private static HCLParser parser() {
        HCLParser parser = new HCLParser();
        parser.registerFunction("merge", TerraformConfig::merge);
        parser.registerFunction("keys", TerraformConfig::keys);
        return parser;
    }

    private static Object merge(List<Object> maps) {
        Map<String, Object> merged = new TreeMap<>();
        maps.forEach(each -> map(each).forEach(merged::put));
        return merged;
    }

    private static Object keys(List<Object> arguments) {
        return new ArrayList<>(new TreeMap<>(map(arguments.getFirst())).keySet());
    }

    Map<String, Object> resource(String type, String name) {
        return block("resource", type, name);
    }

    Map<String, Object> data(String type, String name) {
        return block("data", type, name);
    }

    Map<String, Object> resourcesOfType(String type) {
        return map(map(body.get("resource")).get(type));
    }

    /** Every locals block merged into one map. */
    Map<String, Object> locals() {
        Map<String, Object> merged = new LinkedHashMap<>();
        blocks(body.get("locals")).forEach(merged::putAll);
        return merged;
    }

    Map<String, Object> variables() {
        return map(body.get("variable"));
    }

    Map<String, Object> outputs() {
        return map(body.get("output"));
    }

    Object outputValue(String name) {
        Map<String, Object> output = map(outputs().get(name));
        if (!output.containsKey("value")) {
            throw new AssertionError("Terraform has no output " + name);
        }
        return output.get("value");
    }

    Map<String, Object> terraformBlock() {
        return map(body.get("terraform"));
    }

    private Map<String, Object> block(String kind, String type, String name) {
        Map<String, Object> block = map(map(map(body.get(kind)).get(type)).get(name));
        if (block.isEmpty()) {
            throw new AssertionError("Terraform has no " + kind + " " + type + "." + name);
        }
        return block;
    }

    /** hcl4j leaves an unresolved reference as a symbol object; its text (e.g. aws_iam_role.task.arn) is what counts. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TerraformConfig::plain).toList();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    /** A block that may appear once (a map) or several times (a list of maps), as a list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Object value) {
        if (value instanceof Map<?, ?> single) {
            return List.of((Map<String, Object>) single);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(map(item)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** hcl4j reads every number as a double; HCL's 3000 is compared as "3000". */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value == null ? null : value.toString().replaceAll("(\\d)\\.0\\b", "$1");
    }

    static List<String> texts(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(text(item)));
        }
        return result;
    }
}

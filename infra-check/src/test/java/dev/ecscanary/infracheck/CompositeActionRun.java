package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a composite action's run steps the way the runner does: inputs (with their defaults) and
 * {@code github.action_path} substituted into each step's {@code env} and script, the script run by
 * {@code bash --noprofile --norc -eo pipefail} (GitHub's command for {@code shell: bash}), each step's
 * {@code $GITHUB_OUTPUT} file read back as its outputs and the action's outputs evaluated from them. Only the
 * expressions the checked actions use are understood; any other one fails the run rather than being skipped.
 */
final class CompositeActionRun {

    /** How the action ended: the last step's exit code, the action's outputs, and what its steps printed. */
    record Result(int exitCode, Map<String, String> outputs, String log) {}

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

    private final Path actionDir;
    private final Map<String, Object> action;

    CompositeActionRun(Path actionDir) throws IOException {
        this.actionDir = actionDir;
        this.action = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(actionDir.resolve("action.yml")));
    }

    Map<String, Object> metadata() {
        return action;
    }

    /** Runs every step in a job environment {@code job} (the variables GitHub sets), stopping at a failed one. */
    Result run(Map<String, String> inputs, Map<String, String> job, Path workDir) throws Exception {
        Map<String, String> values = inputValues(inputs);
        Map<String, Map<String, String>> stepOutputs = new LinkedHashMap<>();
        StringBuilder log = new StringBuilder();
        int exitCode = 0;
        for (Object item : (List<?>) map(action.get("runs")).get("steps")) {
            Map<String, Object> step = map(item);
            String id = String.valueOf(step.getOrDefault("id", "step" + stepOutputs.size()));
            Path outputFile = Files.createTempFile(workDir, "github-output-", "");
            Map<String, String> environment = new LinkedHashMap<>(job);
            environment.put("GITHUB_ACTION_PATH", actionDir.toString());
            environment.put("GITHUB_OUTPUT", outputFile.toString());
            map(step.get("env")).forEach((name, value) -> environment.put(name, evaluate(value, values)));
            exitCode = runBash(evaluate(step.get("run"), values), environment, workDir, log);
            stepOutputs.put(id, GitHubOutputFile.read(outputFile));
            if (exitCode != 0) {
                break;
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        map(action.get("outputs")).forEach((name, output) -> outputs.put(name, stepOutput(map(output), stepOutputs)));
        return new Result(exitCode, outputs, log.toString());
    }

    private Map<String, String> inputValues(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        map(action.get("inputs")).forEach((name, spec) -> {
            Object fallback = map(spec).get("default");
            values.put(name, given.getOrDefault(name, fallback == null ? "" : String.valueOf(fallback)));
        });
        given.keySet().stream()
                .filter(name -> !values.containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("input " + name + " is not declared by the action");
                });
        return values;
    }

    private String evaluate(Object template, Map<String, String> inputs) {
        Matcher m = EXPRESSION.matcher(String.valueOf(template));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            String value;
            if (expression.startsWith("inputs.") && inputs.containsKey(expression.substring("inputs.".length()))) {
                value = inputs.get(expression.substring("inputs.".length()));
            } else if (expression.equals("github.action_path")) {
                value = actionDir.toString();
            } else {
                throw new IllegalArgumentException("expression not understood by this runner: " + expression);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String stepOutput(Map<String, Object> output, Map<String, Map<String, String>> steps) {
        Matcher m = Pattern.compile("\\$\\{\\{\\s*steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)\\s*}}")
                .matcher(String.valueOf(output.get("value")));
        if (!m.matches()) {
            throw new IllegalArgumentException("output value not understood by this runner: " + output);
        }
        return steps.getOrDefault(m.group(1), Map.of()).getOrDefault(m.group(2), "");
    }

    private static int runBash(String script, Map<String, String> environment, Path workDir, StringBuilder log)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(workDir, "step-", ".sh");
        Files.writeString(file, script);
        Path output = Files.createTempFile(workDir, "step-", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the step did not end within 2 minutes: " + Files.readString(output));
        }
        log.append(Files.readString(output, StandardCharsets.UTF_8));
        return process.exitValue();
    }
}

package dev.ecscanary.infracheck;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds every AWS operation the controller's code calls: a method call on a variable, field or parameter whose
 * type is one of the four SDK clients (or on a project method that returns one), mapped to its IAM action,
 * e.g. {@code describeAlarms} on a {@code CloudWatchClient} to {@code cloudwatch:DescribeAlarms}.
 */
final class SdkCallScanner {

    static final Map<String, String> IAM_PREFIX_BY_CLIENT = Map.of(
            "CodeDeployClient", "codedeploy",
            "CodeDeployAsyncClient", "codedeploy",
            "EcsClient", "ecs",
            "EcsAsyncClient", "ecs",
            "CloudWatchClient", "cloudwatch",
            "CloudWatchAsyncClient", "cloudwatch",
            "ElasticLoadBalancingV2Client", "elasticloadbalancing",
            "ElasticLoadBalancingV2AsyncClient", "elasticloadbalancing");

    /** Client methods that are not AWS operations. */
    private static final Set<String> NOT_OPERATIONS = Set.of(
            "close",
            "serviceName",
            "serviceClientConfiguration",
            "waiter",
            "utilities",
            "toString",
            "equals",
            "hashCode",
            "getClass");

    private SdkCallScanner() {}

    /** IAM action to the places (file:line) that call it. */
    static Map<String, Set<String>> scan(Path sourceRoot) {
        ParserConfiguration configuration =
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
        StaticJavaParser.setConfiguration(configuration);
        Map<String, Set<String>> calls = new TreeMap<>();
        List<CompilationUnit> units = parseAll(sourceRoot);
        Map<String, String> clientFactories = clientReturningMethods(units);
        for (CompilationUnit unit : units) {
            Map<String, String> clientVariables = clientVariables(unit);
            unit.findAll(MethodCallExpr.class)
                    .forEach(call -> call.getScope()
                            .map(scope -> prefixOf(scope, clientVariables, clientFactories))
                            .filter(prefix -> !NOT_OPERATIONS.contains(call.getNameAsString()))
                            .ifPresent(prefix -> calls.computeIfAbsent(
                                            prefix + ":" + operationName(call.getNameAsString()), k -> new TreeSet<>())
                                    .add(location(unit, call))));
        }
        return calls;
    }

    /** IAM prefixes of the SDK clients some class keeps in a field: the adapters that exist. */
    static Set<String> servicesWithClientFields(Path sourceRoot) {
        Set<String> services = new TreeSet<>();
        parseAll(sourceRoot)
                .forEach(unit -> unit.findAll(com.github.javaparser.ast.body.FieldDeclaration.class)
                        .forEach(field -> field.getVariables()
                                .forEach(v -> clientPrefix(v.getType()).ifPresent(services::add))));
        return services;
    }

    private static List<CompilationUnit> parseAll(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .sorted()
                    .map(SdkCallScanner::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompilationUnit parse(Path file) {
        try {
            CompilationUnit unit = StaticJavaParser.parse(file);
            unit.setStorage(file);
            return unit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> clientVariables(CompilationUnit unit) {
        Map<String, String> variables = new HashMap<>();
        unit.findAll(VariableDeclarator.class)
                .forEach(
                        v -> clientPrefix(v.getType()).ifPresent(prefix -> variables.put(v.getNameAsString(), prefix)));
        unit.findAll(Parameter.class)
                .forEach(
                        p -> clientPrefix(p.getType()).ifPresent(prefix -> variables.put(p.getNameAsString(), prefix)));
        return variables;
    }

    private static Map<String, String> clientReturningMethods(List<CompilationUnit> units) {
        Map<String, String> methods = new HashMap<>();
        units.forEach(unit -> unit.findAll(MethodDeclaration.class)
                .forEach(m -> clientPrefix(m.getType()).ifPresent(prefix -> methods.put(m.getNameAsString(), prefix))));
        return methods;
    }

    private static String prefixOf(Expression scope, Map<String, String> variables, Map<String, String> factories) {
        if (scope instanceof NameExpr name) {
            return variables.get(name.getNameAsString());
        }
        if (scope instanceof FieldAccessExpr field && field.getScope().isThisExpr()) {
            return variables.get(field.getNameAsString());
        }
        if (scope instanceof MethodCallExpr call && call.getArguments().isEmpty()) {
            return factories.get(call.getNameAsString());
        }
        return null;
    }

    private static java.util.Optional<String> clientPrefix(Type type) {
        String simpleName =
                type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
        return java.util.Optional.ofNullable(IAM_PREFIX_BY_CLIENT.get(simpleName));
    }

    /** {@code describeAlarmsPaginator} and {@code describeAlarms} are both DescribeAlarms. */
    static String operationName(String methodName) {
        String operation = methodName.endsWith("Paginator")
                ? methodName.substring(0, methodName.length() - "Paginator".length())
                : methodName;
        return Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    }

    private static String location(CompilationUnit unit, MethodCallExpr call) {
        String file =
                unit.getStorage().map(s -> s.getPath().getFileName().toString()).orElse("?");
        return file + ":" + call.getBegin().map(p -> p.line).orElse(0);
    }
}

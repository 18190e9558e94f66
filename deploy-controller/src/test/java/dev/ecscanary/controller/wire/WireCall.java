package dev.ecscanary.controller.wire;

import com.github.tomakehurst.wiremock.http.Request;
import dev.ecscanary.controller.aws.AwsWireProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One AWS request as it arrived: its protocol, operation and parameters. awsJson 1.1 names the operation in
 * X-Amz-Target and sends a JSON body; awsQuery names it in the form's {@code Action}, the service by {@code Version}.
 */
record WireCall(AwsWireProtocol protocol, String operation, JsonNode json, Map<String, String> form) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<WireCall> of(Request request) {
        String target = request.getHeader("X-Amz-Target");
        if (target != null && target.contains(".")) {
            String prefix = target.substring(0, target.indexOf('.'));
            String operation = target.substring(target.indexOf('.') + 1);
            AwsWireProtocol protocol = switch (prefix) {
                case "CodeDeploy_20141006" -> AwsWireProtocol.CODEDEPLOY_JSON;
                case "AmazonEC2ContainerServiceV20141113" -> AwsWireProtocol.ECS_JSON;
                default -> null;
            };
            String body = request.getBodyAsString();
            return Optional.ofNullable(protocol)
                    .map(p -> new WireCall(
                            p, operation, JSON.readTree(body == null || body.isBlank() ? "{}" : body), Map.of()));
        }
        Map<String, String> form = AwsWireProtocol.formParameters(request.getBodyAsString());
        AwsWireProtocol protocol = switch (form.getOrDefault("Version", "")) {
            case "2010-08-01" -> AwsWireProtocol.CLOUDWATCH_QUERY;
            case "2015-12-01" -> AwsWireProtocol.ELBV2_QUERY;
            default -> null;
        };
        return Optional.ofNullable(protocol)
                .filter(p -> form.containsKey("Action"))
                .map(p -> new WireCall(p, form.get("Action"), null, form));
    }

    /** A top-level string member of a JSON request, or a form parameter; null when absent. */
    String string(String name) {
        if (json != null) {
            JsonNode value = json.get(name);
            return value == null || value.isNull() ? null : value.asString();
        }
        return form.get(name);
    }

    /** A list member: a JSON array of strings, or the form's {@code Name.member.1..N}. */
    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        if (json != null) {
            JsonNode array = json.get(name);
            if (array != null) {
                array.values().forEach(v -> values.add(v.asString()));
            }
            return values;
        }
        for (int n = 1; form.containsKey(name + ".member." + n); n++) {
            values.add(form.get(name + ".member." + n));
        }
        return values;
    }

    boolean bool(String name) {
        return json != null && json.path(name).asBoolean(false);
    }
}

package dev.ecscanary.localaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ecscanary.localaws.codedeploy.Deployment;
import dev.ecscanary.localaws.ecs.Task;
import dev.ecscanary.localaws.ecs.TaskSet;
import dev.ecscanary.localaws.elb.Listener;
import dev.ecscanary.localaws.wire.FaultInjector;
import dev.ecscanary.localaws.wire.Json;
import java.io.IOException;
import java.util.Comparator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rehearsal's own API beside the AWS ones, under {@code /_local/}: a state snapshot, fault injection
 * (make chosen operations throttle or fail N times) and the deployment group's alarm-rollback switch.
 */
final class AdminApi implements HttpHandler {

    private final LocalAws aws;

    AdminApi(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String route =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            switch (route) {
                case "GET /_local/state" -> send(exchange, 200, state());
                case "GET /_local/faults" -> send(exchange, 200, faults());
                case "POST /_local/faults" -> armFault(exchange);
                case "DELETE /_local/faults" -> {
                    aws.faults().clear();
                    send(exchange, 200, faults());
                }
                case "PUT /_local/deployment-group/alarm-rollback" -> switchAlarmRollback(exchange);
                default ->
                    problem(
                            exchange,
                            404,
                            "No such admin route",
                            route + " is not one of GET /_local/state, "
                                    + "GET|POST|DELETE /_local/faults, PUT /_local/deployment-group/alarm-rollback");
            }
        } catch (JacksonException e) {
            problem(exchange, 400, "Malformed JSON", e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Invalid request", e.getMessage());
        }
    }

    private void armFault(HttpExchange exchange) throws IOException {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        String operation = Json.text(body, "operation");
        String kind = Json.text(body, "kind");
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("'operation' is required, e.g. DescribeAlarms or GetDeployment");
        }
        if (kind == null || !(kind.equals("throttle") || kind.equals("server-error"))) {
            throw new IllegalArgumentException("'kind' must be 'throttle' or 'server-error'");
        }
        int count = body.path("count").asInt(1);
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("'count' must be between 1 and 10000");
        }
        aws.faults()
                .arm(
                        operation,
                        kind.equals("throttle") ? FaultInjector.Kind.THROTTLE : FaultInjector.Kind.SERVER_ERROR,
                        count);
        send(exchange, 201, faults());
    }

    private void switchAlarmRollback(HttpExchange exchange) throws IOException {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        if (body == null || !body.path("enabled").isBoolean()) {
            throw new IllegalArgumentException("the body must be {\"enabled\": true|false}");
        }
        aws.deployments().group().alarmMonitoringEnabled(body.get("enabled").asBoolean());
        send(
                exchange,
                200,
                Json.object().put("enabled", aws.deployments().group().alarmMonitoringEnabled()));
    }

    private ObjectNode faults() {
        ObjectNode json = Json.object();
        aws.faults().remaining().forEach(json::put);
        return json;
    }

    ObjectNode state() {
        ObjectNode state = Json.object()
                .put("timeScale", aws.settings().timeScale().factor())
                .put("codeDeployAlarmRollback", aws.deployments().group().alarmMonitoringEnabled());
        ObjectNode listeners = state.putObject("listeners");
        listeners.set("production", listener(aws.loadBalancer().production()));
        listeners.set("test", listener(aws.loadBalancer().test()));
        var taskSets = state.putArray("taskSets");
        for (TaskSet taskSet : aws.ecs().taskSets()) {
            ObjectNode json = taskSets.addObject()
                    .put("id", taskSet.id())
                    .put("status", taskSet.status())
                    .put("image", taskSet.image())
                    .put("targetGroup", taskSet.targetGroup().name())
                    .put("taskDefinition", taskSet.taskDefinition().arn());
            var tasks = json.putArray("tasks");
            for (Task task : taskSet.tasks()) {
                tasks.addObject()
                        .put("id", task.id())
                        .put("port", task.target().port())
                        .put("lastStatus", task.lastStatus())
                        .put("health", task.target().state().wire());
            }
        }
        aws.alarms()
                .find(aws.names().alarm())
                .ifPresent(alarm -> state.putObject("alarm")
                        .put("name", alarm.name())
                        .put("state", alarm.state().value())
                        .put("reason", alarm.state().reason()));
        var deployments = state.putArray("deployments");
        aws.deployments().all().stream()
                .sorted(Comparator.comparing(Deployment::createTime))
                .forEach(d -> {
                    ObjectNode json = deployments
                            .addObject()
                            .put("id", d.id())
                            .put("status", d.status())
                            .put("creator", d.creator())
                            .put("replacementWeight", d.target().replacementWeight())
                            .put("trafficSteps", d.trafficSteps());
                    if (d.errorCode() != null) {
                        json.put("errorCode", d.errorCode()).put("errorMessage", d.errorMessage());
                    }
                });
        state.set("faults", faults());
        return state;
    }

    private static ObjectNode listener(Listener listener) {
        ObjectNode json = Json.object().put("port", listener.localPort()).put("awsPort", listener.awsPort());
        ObjectNode weights = json.putObject("weights");
        listener.forward().forEach(w -> weights.put(w.targetGroup().name(), w.weight()));
        return json;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode body = Json.object()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", exchange.getRequestURI().getPath());
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

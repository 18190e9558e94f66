package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** awsJson 1.1: POST /, {@code X-Amz-Target: Prefix.Operation}, JSON in and out, errors by x-amzn-ErrorType. */
final class JsonDispatcher {

    private static final Logger LOG = Logger.getLogger(JsonDispatcher.class.getName());

    private final List<JsonService> services;
    private final FaultInjector faults;

    JsonDispatcher(List<JsonService> services, FaultInjector faults) {
        this.services = services;
        this.faults = faults;
    }

    void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        String operation = dot < 0 ? "" : target.substring(dot + 1);
        JsonService service = services.stream()
                .filter(s -> s.targetPrefix().equals(prefix))
                .findFirst()
                .orElse(null);
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (!AwsServer.authorized(exchange)) {
                throw new AwsException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
            }
            if (service == null || !service.supports(operation)) {
                throw AwsException.client("UnknownOperationException", "Unknown operation " + target);
            }
            injectFault(service, operation);
            JsonNode request = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
            ObjectNode response = service.handle(operation, request);
            send(exchange, 200, Json.MAPPER.writeValueAsBytes(response), null);
        } catch (AwsException e) {
            sendError(exchange, e);
        } catch (JacksonException e) {
            sendError(
                    exchange,
                    AwsException.client("SerializationException", "Malformed JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error in " + target, e);
            String code = service == null ? "InternalFailure" : service.serverErrorCode();
            sendError(exchange, new AwsException(code, 500, "Internal error: " + e));
        }
    }

    private void injectFault(JsonService service, String operation) {
        FaultInjector.Kind fault = faults.take(operation);
        if (fault == FaultInjector.Kind.THROTTLE) {
            throw AwsException.client("ThrottlingException", "Rate exceeded");
        }
        if (fault == FaultInjector.Kind.SERVER_ERROR) {
            throw new AwsException(service.serverErrorCode(), 500, "Injected server error");
        }
    }

    private static void sendError(HttpExchange exchange, AwsException e) throws IOException {
        ObjectNode body = Json.object().put("__type", e.code()).put("message", e.getMessage());
        send(exchange, e.status(), Json.MAPPER.writeValueAsBytes(body), e.code());
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String errorType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", AwsServer.requestId());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}

package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS JSON 1.0 and 1.1: {@code POST /}, {@code X-Amz-Target: <targetPrefix>.<Op>}, JSON in and out with
 * timestamps as epoch seconds; errors as {@code {"__type","message"}} with {@code x-amzn-ErrorType}.
 */
final class JsonCodec implements WireCodec {

    private static final TreeWriter WRITER =
            new TreeWriter((out, instant) -> out.writeNumber(Json.epochSeconds(instant)));

    private final List<AwsService> services;

    JsonCodec(List<AwsService> services) {
        this.services = services.stream()
                .filter(s -> s.spec().speaks(Protocol.AWS_JSON))
                .toList();
    }

    @Override
    public Call route(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        AwsService service = services.stream()
                .filter(s -> s.spec().targetPrefix().equals(prefix))
                .findFirst()
                .orElse(null);
        return new Call(service, dot < 0 ? null : target.substring(dot + 1));
    }

    @Override
    public AwsException unknown(HttpExchange exchange, Call call) {
        return AwsException.client(
                "UnknownOperationException",
                "Unknown operation " + exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    }

    @Override
    public String missingAuthenticationCode() {
        return "MissingAuthenticationTokenException";
    }

    @Override
    public Input decode(Call call, byte[] body) {
        return new Input(body.length == 0 ? Json.object() : Json.MAPPER.readTree(body));
    }

    @Override
    public void answer(HttpExchange exchange, Call call, ObjectNode output, String requestId) throws IOException {
        WireCodec.send(exchange, 200, contentType(call.service().spec()), bytes(output), requestId);
    }

    @Override
    public void fail(HttpExchange exchange, ServiceSpec service, AwsException error, String requestId)
            throws IOException {
        String type = service == null ? error.code() : service.errorShape(error.code());
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        WireCodec.queryErrorHeader(exchange, service, error);
        ObjectNode body = Json.object().put("__type", type).put("message", error.getMessage());
        WireCodec.send(exchange, error.status(), contentType(service), bytes(body), requestId);
    }

    private static String contentType(ServiceSpec service) {
        return "application/x-amz-json-" + (service == null ? "1.1" : service.jsonVersion());
    }

    private static byte[] bytes(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
            WRITER.write(generator, tree);
        }
        return out.toByteArray();
    }
}

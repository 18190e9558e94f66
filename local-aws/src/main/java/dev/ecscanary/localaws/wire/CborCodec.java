package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Smithy RPC v2 CBOR (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html): {@code POST
 * /service/<ServiceName>/operation/<Op>} with {@code Smithy-Protocol: rpc-v2-cbor}; CBOR bodies, timestamps as
 * tag 1 over epoch seconds (a double); errors as a CBOR map with {@code __type}, and for a query-compatible
 * service the query code in {@code x-amzn-query-error}.
 */
final class CborCodec implements WireCodec {

    static final String PATH_PREFIX = "/service/";
    private static final String CONTENT_TYPE = "application/cbor";
    private static final CBORMapper MAPPER = CBORMapper.builder().build();
    private static final TreeWriter WRITER = new TreeWriter((out, instant) -> {
        ((CBORGenerator) out).writeTag(1);
        out.writeNumber(Json.epochSeconds(instant));
    });

    private final List<AwsService> services;

    CborCodec(List<AwsService> services) {
        this.services = services.stream()
                .filter(s -> s.spec().speaks(Protocol.RPC_V2_CBOR))
                .toList();
    }

    @Override
    public Call route(HttpExchange exchange, byte[] body) {
        String[] path = exchange.getRequestURI().getPath().split("/");
        boolean wellFormed = path.length == 5 && path[3].equals("operation");
        if (!wellFormed || !"rpc-v2-cbor".equals(exchange.getRequestHeaders().getFirst("Smithy-Protocol"))) {
            return new Call(null, null);
        }
        AwsService service = services.stream()
                .filter(s -> s.spec().targetPrefix().equals(path[2]))
                .findFirst()
                .orElse(null);
        return new Call(service, path[4]);
    }

    @Override
    public AwsException unknown(HttpExchange exchange, Call call) {
        return AwsException.client(
                "UnknownOperationException",
                "Unknown operation " + exchange.getRequestURI().getPath()
                        + " (rpc-v2-cbor needs POST /service/<ServiceName>/operation/<Op> and Smithy-Protocol: rpc-v2-cbor)");
    }

    @Override
    public String missingAuthenticationCode() {
        return "MissingAuthenticationTokenException";
    }

    @Override
    public Input decode(Call call, byte[] body) {
        return new Input(body.length == 0 ? Json.object() : MAPPER.readTree(body));
    }

    @Override
    public void answer(HttpExchange exchange, Call call, ObjectNode output, String requestId) throws IOException {
        exchange.getResponseHeaders().set("Smithy-Protocol", "rpc-v2-cbor");
        WireCodec.send(exchange, 200, CONTENT_TYPE, bytes(output), requestId);
    }

    @Override
    public void fail(HttpExchange exchange, ServiceSpec service, AwsException error, String requestId)
            throws IOException {
        String type = service == null ? error.code() : service.errorShape(error.code());
        exchange.getResponseHeaders().set("Smithy-Protocol", "rpc-v2-cbor");
        WireCodec.queryErrorHeader(exchange, service, error);
        ObjectNode body = Json.object().put("__type", type).put("message", error.getMessage());
        WireCodec.send(exchange, error.status(), CONTENT_TYPE, bytes(body), requestId);
    }

    private static byte[] bytes(ObjectNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            WRITER.write(generator, tree);
        }
        return out.toByteArray();
    }
}

package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * One wire protocol: finds the service and operation a request names, decodes its input into the common tree,
 * and encodes answers and errors the way that protocol's clients parse them.
 */
interface WireCodec {

    /** The service (null when none matches) and operation (null when not named) a request is for. */
    record Call(AwsService service, String operation) {}

    Call route(HttpExchange exchange, byte[] body);

    /** The error for a request whose service or operation is unknown. */
    AwsException unknown(HttpExchange exchange, Call call);

    /** This protocol's code for a request without SigV4 authorization. */
    String missingAuthenticationCode();

    Input decode(Call call, byte[] body);

    void answer(HttpExchange exchange, Call call, ObjectNode output, String requestId) throws IOException;

    /** Writes {@code error}; {@code service} is null when the request named none this server knows. */
    void fail(HttpExchange exchange, ServiceSpec service, AwsException error, String requestId) throws IOException;

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, String requestId)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** awsQueryCompatible: the query code and fault beside the JSON/CBOR error, as {@code Code;Sender}. */
    static void queryErrorHeader(HttpExchange exchange, ServiceSpec service, AwsException error) {
        if (service != null && service.queryCompatible()) {
            exchange.getResponseHeaders().set("x-amzn-query-error", error.code() + ";" + error.faultType());
        }
    }
}

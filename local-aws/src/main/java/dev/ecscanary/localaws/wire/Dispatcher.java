package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/** The one request cycle every protocol shares: route, authenticate, inject faults, run the operation, answer. */
final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final FaultInjector faults;

    Dispatcher(FaultInjector faults) {
        this.faults = faults;
    }

    void handle(HttpExchange exchange, WireCodec codec) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = UUID.randomUUID().toString();
        ServiceSpec spec = null;
        WireCodec.Call call = null;
        try {
            call = codec.route(exchange, body);
            spec = call.service() == null ? null : call.service().spec();
            if (!authorized(exchange)) {
                throw new AwsException(codec.missingAuthenticationCode(), 403, "Missing Authentication Token");
            }
            Operation operation = call.service() == null || call.operation() == null
                    ? null
                    : call.service().operations().get(call.operation());
            if (operation == null) {
                throw codec.unknown(exchange, call);
            }
            injectFault(spec, call.operation());
            ObjectNode output = operation.handle(codec.decode(call, body));
            codec.answer(exchange, call, output, requestId);
        } catch (AwsException e) {
            codec.fail(exchange, spec, e, requestId);
        } catch (JacksonException e) {
            codec.fail(
                    exchange,
                    spec,
                    AwsException.client("SerializationException", "Malformed request: " + e.getOriginalMessage()),
                    requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error in " + (call == null ? "?" : call.operation()), e);
            String code = spec == null ? "InternalFailure" : spec.serverErrorCode();
            codec.fail(exchange, spec, new AwsException(code, 500, "Internal error: " + e), requestId);
        }
    }

    private void injectFault(ServiceSpec spec, String operation) {
        FaultInjector.Kind fault = faults.take(operation);
        if (fault == FaultInjector.Kind.THROTTLE) {
            throw AwsException.client(spec.throttlingCode(), "Rate exceeded");
        }
        if (fault == FaultInjector.Kind.SERVER_ERROR) {
            throw new AwsException(spec.serverErrorCode(), 500, "Injected server error");
        }
    }

    private static boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null
                && authorization.startsWith("AWS4-HMAC-SHA256")
                && authorization.contains("Credential=");
    }
}

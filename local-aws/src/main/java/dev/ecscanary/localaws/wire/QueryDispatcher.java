package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** awsQuery: form-encoded Action and Version in, {@code <ActionResponse><ActionResult>} XML out. */
final class QueryDispatcher {

    private static final Logger LOG = Logger.getLogger(QueryDispatcher.class.getName());

    private final List<QueryService> services;
    private final FaultInjector faults;

    QueryDispatcher(List<QueryService> services, FaultInjector faults) {
        this.services = services;
        this.faults = faults;
    }

    void handle(HttpExchange exchange) throws IOException {
        QueryParams params =
                QueryParams.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String action = params.get("Action");
        String requestId = AwsServer.requestId();
        try {
            if (!AwsServer.authorized(exchange)) {
                throw new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            }
            if (action == null || action.isEmpty()) {
                throw AwsException.client("MissingAction", "The request must contain the parameter Action");
            }
            QueryService service = serviceFor(AwsServer.signingName(exchange), action);
            if (!service.version().equals(params.get("Version"))) {
                throw AwsException.client("InvalidParameterValue", "Unsupported Version: " + params.get("Version"));
            }
            injectFault(service, action);
            Xml result = new Xml();
            service.handle(action, params, result);
            String xml =
                    "<" + action + "Response xmlns=\"" + service.xmlNamespace() + "\"><" + action + "Result>" + result
                            + "</" + action + "Result><ResponseMetadata><RequestId>" + requestId
                            + "</RequestId></ResponseMetadata></"
                            + action + "Response>";
            send(exchange, 200, xml, requestId);
        } catch (AwsException e) {
            sendError(exchange, e, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error in " + action, e);
            sendError(exchange, new AwsException("InternalFailure", 500, "Internal error: " + e), requestId);
        }
    }

    private QueryService serviceFor(String signingName, String action) {
        return services.stream()
                .filter(s -> signingName == null
                        ? s.supports(action)
                        : s.signingName().equals(signingName))
                .findFirst()
                .filter(s -> s.supports(action))
                .orElseThrow(() ->
                        AwsException.client("InvalidAction", "Could not find operation " + action + " for version"));
    }

    private void injectFault(QueryService service, String action) {
        FaultInjector.Kind fault = faults.take(action);
        if (fault == FaultInjector.Kind.THROTTLE) {
            throw AwsException.client("Throttling", "Rate exceeded");
        }
        if (fault == FaultInjector.Kind.SERVER_ERROR) {
            throw new AwsException(service.serverErrorCode(), 500, "Injected server error");
        }
    }

    private static void sendError(HttpExchange exchange, AwsException e, String requestId) throws IOException {
        String xml = "<ErrorResponse><Error><Type>" + e.faultType() + "</Type><Code>" + Xml.escape(e.code())
                + "</Code><Message>" + Xml.escape(String.valueOf(e.getMessage())) + "</Message></Error><RequestId>"
                + requestId + "</RequestId></ErrorResponse>";
        send(exchange, e.status(), xml, requestId);
    }

    private static void send(HttpExchange exchange, int status, String xml, String requestId) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}

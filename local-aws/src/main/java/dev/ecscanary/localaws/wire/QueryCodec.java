package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Query: form-encoded {@code Action} and {@code Version} in, {@code <OpResponse><OpResult>} XML out. The
 * service is the one the SigV4 credential scope names (monitoring, elasticloadbalancing), else the one offering
 * the Action.
 */
final class QueryCodec implements WireCodec {

    private final List<AwsService> services;

    QueryCodec(List<AwsService> services) {
        this.services = services.stream()
                .filter(s -> s.spec().speaks(Protocol.AWS_QUERY))
                .toList();
    }

    @Override
    public Call route(HttpExchange exchange, byte[] body) {
        String action = new QueryForm(new String(body, StandardCharsets.UTF_8)).get("Action");
        String signingName = signingName(exchange);
        AwsService service = services.stream()
                .filter(s -> signingName == null
                        ? s.operations().get(action) != null
                        : s.spec().signingName().equals(signingName))
                .findFirst()
                .orElse(null);
        return new Call(service, action == null || action.isEmpty() ? null : action);
    }

    @Override
    public AwsException unknown(HttpExchange exchange, Call call) {
        if (call.operation() == null) {
            return AwsException.client("MissingAction", "The request must contain the parameter Action");
        }
        return AwsException.client("InvalidAction", "Could not find operation " + call.operation() + " for version");
    }

    @Override
    public String missingAuthenticationCode() {
        return "MissingAuthenticationToken";
    }

    @Override
    public Input decode(Call call, byte[] body) {
        QueryForm form = new QueryForm(new String(body, StandardCharsets.UTF_8));
        if (!call.service().spec().apiVersion().equals(form.get("Version"))) {
            throw AwsException.client("InvalidParameterValue", "Unsupported Version: " + form.get("Version"));
        }
        return new Input(form.tree());
    }

    @Override
    public void answer(HttpExchange exchange, Call call, ObjectNode output, String requestId) throws IOException {
        String action = call.operation();
        XmlWriter xml = new XmlWriter()
                .raw("<" + action + "Response xmlns=\"" + call.service().spec().xmlNamespace() + "\"><" + action
                        + "Result>")
                .members(output)
                .raw("</" + action + "Result><ResponseMetadata><RequestId>" + requestId
                        + "</RequestId></ResponseMetadata></" + action + "Response>");
        send(exchange, 200, xml.toString(), requestId);
    }

    @Override
    public void fail(HttpExchange exchange, ServiceSpec service, AwsException error, String requestId)
            throws IOException {
        String xml = "<ErrorResponse><Error><Type>" + error.faultType() + "</Type><Code>"
                + XmlWriter.escape(error.code()) + "</Code><Message>"
                + XmlWriter.escape(String.valueOf(error.getMessage())) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
        send(exchange, error.status(), xml, requestId);
    }

    private static void send(HttpExchange exchange, int status, String xml, String requestId) throws IOException {
        WireCodec.send(exchange, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), requestId);
    }

    /** The service name in {@code Credential=AKID/date/region/service/aws4_request}, or null. */
    private static String signingName(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int at = authorization == null ? -1 : authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        String[] scope = authorization
                .substring(at + "Credential=".length())
                .split("[,\\s]")[0]
                .split("/");
        return scope.length >= 5 ? scope[3] : null;
    }
}

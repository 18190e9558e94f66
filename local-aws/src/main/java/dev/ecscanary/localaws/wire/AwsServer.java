package dev.ecscanary.localaws.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One port for all four services, as one endpoint override serves the controller's four SDK clients.
 * awsJson requests are told apart by {@code X-Amz-Target}, awsQuery requests by the SigV4 credential scope's
 * service name (falling back to the Action). {@code /_local/...} is the rehearsal's own admin API.
 */
public final class AwsServer implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(AwsServer.class.getName());

    private final JsonDispatcher json;
    private final QueryDispatcher query;
    private final HttpHandler admin;
    private HttpServer server;

    public AwsServer(
            List<JsonService> jsonServices, List<QueryService> queryServices, FaultInjector faults, HttpHandler admin) {
        this.json = new JsonDispatcher(jsonServices, faults);
        this.query = new QueryDispatcher(queryServices, faults);
        this.admin = admin;
    }

    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this);
        server.start();
        return server.getAddress().getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().startsWith("/_local/")) {
                admin.handle(exchange);
            } else if (exchange.getRequestHeaders().containsKey("X-Amz-Target")) {
                json.handle(exchange);
            } else {
                query.handle(exchange);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request failed", e);
        }
    }

    static boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null
                && authorization.startsWith("AWS4-HMAC-SHA256")
                && authorization.contains("Credential=");
    }

    /** The service name in {@code Credential=AKID/date/region/service/aws4_request}, or null. */
    static String signingName(HttpExchange exchange) {
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

    static String requestId() {
        return java.util.UUID.randomUUID().toString();
    }
}

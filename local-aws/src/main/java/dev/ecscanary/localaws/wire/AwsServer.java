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
 * One port for all four services, as one endpoint override serves the controller's four SDK clients. A request
 * is told apart by its protocol's marks: {@code /service/<ServiceName>/operation/<Op>} is RPC v2 CBOR, an
 * {@code X-Amz-Target} header AWS JSON, anything else AWS Query. {@code /_local/...} is the rehearsal's own
 * admin API.
 */
public final class AwsServer implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(AwsServer.class.getName());

    private final Dispatcher dispatcher;
    private final WireCodec cbor;
    private final WireCodec json;
    private final WireCodec query;
    private final HttpHandler admin;
    private HttpServer server;

    public AwsServer(List<AwsService> services, FaultInjector faults, HttpHandler admin) {
        this.dispatcher = new Dispatcher(faults);
        this.cbor = new CborCodec(services);
        this.json = new JsonCodec(services);
        this.query = new QueryCodec(services);
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
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_local/")) {
                admin.handle(exchange);
            } else if (path.startsWith(CborCodec.PATH_PREFIX)) {
                dispatcher.handle(exchange, cbor);
            } else if (exchange.getRequestHeaders().containsKey("X-Amz-Target")) {
                dispatcher.handle(exchange, json);
            } else {
                dispatcher.handle(exchange, query);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request failed", e);
        }
    }
}

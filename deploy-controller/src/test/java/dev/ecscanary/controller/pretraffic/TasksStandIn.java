package dev.ecscanary.controller.pretraffic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small tasks API on loopback, shaped like the demo app's, with faults to switch on: every n-th list request
 * answered 500, a fixed delay on the API, a version to report.
 */
public final class TasksStandIn implements AutoCloseable {

    public final Map<Long, String> tasks = new ConcurrentHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public volatile String version = "2.0.0";
    public volatile int failEveryNthList = 0;
    public volatile int failReads = 0;
    public volatile long apiDelayMillis = 0;

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger lists = new AtomicInteger();

    public TasksStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.startsWith("/api/") && apiDelayMillis > 0) {
                Thread.sleep(apiDelayMillis);
            }
            if (path.equals("/health")) {
                answer(exchange, 200, "{\"status\":\"UP\",\"version\":\"" + version + "\"}");
            } else if (path.equals("/api/version")) {
                answer(exchange, 200, "{\"version\":\"" + version + "\",\"image\":\"demo-app:" + version + "\"}");
            } else if (path.equals("/api/tasks") && method.equals("GET")) {
                int n = lists.incrementAndGet();
                if (failEveryNthList > 0 && n % failEveryNthList == 0) {
                    answer(exchange, 500, "{\"title\":\"Internal Server Error\",\"detail\":\"injected fault\"}");
                } else {
                    answer(exchange, 200, "{\"items\":[],\"limit\":5,\"next\":null}");
                }
            } else if (path.equals("/api/tasks") && method.equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                long id = ids.incrementAndGet();
                tasks.put(id, body);
                answer(exchange, 201, "{\"id\":" + id + ",\"title\":\"t\"}");
            } else if (path.startsWith("/api/tasks/")) {
                task(exchange, method, Long.parseLong(path.substring("/api/tasks/".length())));
            } else {
                answer(exchange, 404, "{\"title\":\"Not Found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void task(HttpExchange exchange, String method, long id) throws IOException {
        if (!tasks.containsKey(id)) {
            answer(exchange, 404, "{\"title\":\"Not Found\"}");
        } else if (method.equals("DELETE")) {
            tasks.remove(id);
            exchange.sendResponseHeaders(204, -1);
        } else if (failReads > 0) {
            answer(exchange, 503, "{\"title\":\"Service Unavailable\"}");
        } else {
            answer(exchange, 200, "{\"id\":" + id + ",\"title\":\"t\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

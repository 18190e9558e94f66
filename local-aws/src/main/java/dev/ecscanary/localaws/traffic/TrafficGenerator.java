package dev.ecscanary.localaws.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real users: a steady rate of mixed tasks-API requests (create, read, list, complete, delete) to the production
 * listener over keep-alive connections, each outcome recorded by the version that answered it.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final int MAX_IN_FLIGHT = 256;
    private static final int MAX_KNOWN_IDS = 2_000;

    private final URI base;
    private final double requestsPerSecond;
    private final ClientStats stats = new ClientStats();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ConcurrentLinkedDeque<Long> knownIds = new ConcurrentLinkedDeque<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong sequence = new AtomicLong();
    private final Thread pacer;

    public TrafficGenerator(URI base, double requestsPerSecond) {
        if (!(requestsPerSecond > 0 && requestsPerSecond <= 2_000)) {
            throw new IllegalArgumentException("requests per second must be in (0, 2000], was " + requestsPerSecond);
        }
        this.base = base;
        this.requestsPerSecond = requestsPerSecond;
        this.pacer = Thread.ofVirtual().name("traffic-pacer").unstarted(this::pace);
    }

    public TrafficGenerator start() {
        pacer.start();
        return this;
    }

    public ClientStats stats() {
        return stats;
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    private void pace() {
        long intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            next += intervalNanos;
            try {
                inFlight.acquire();
                Thread.ofVirtual().start(this::oneRequest);
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(Duration.ofNanos(sleep));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void oneRequest() {
        try {
            send(nextRequest());
        } finally {
            inFlight.release();
        }
    }

    private HttpRequest nextRequest() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        Long id = dice >= 30 ? knownIds.peekLast() : null;
        if (id == null || dice < 30) {
            return json(
                    "POST",
                    "/api/tasks",
                    "application/json",
                    "{\"title\":\"rehearsal task " + sequence.incrementAndGet()
                            + "\",\"description\":\"created by the traffic generator\"}");
        }
        if (dice < 60) {
            return HttpRequest.newBuilder(base.resolve("/api/tasks/" + randomKnownId(id)))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
        }
        if (dice < 75) {
            return HttpRequest.newBuilder(base.resolve("/api/tasks?limit=20"))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
        }
        if (dice < 90) {
            return json(
                    "PATCH", "/api/tasks/" + randomKnownId(id), "application/merge-patch+json", "{\"completed\":true}");
        }
        Long doomed = knownIds.pollFirst();
        return HttpRequest.newBuilder(base.resolve("/api/tasks/" + (doomed != null ? doomed : id)))
                .timeout(Duration.ofSeconds(30))
                .DELETE()
                .build();
    }

    private long randomKnownId(long fallback) {
        Long[] ids = knownIds.toArray(Long[]::new);
        return ids.length == 0 ? fallback : ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }

    private HttpRequest json(String method, String path, String contentType, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String version = response.headers().firstValue("X-App-Version").orElse(ClientStats.LOAD_BALANCER);
            stats.record(version, response.statusCode());
            if ("POST".equals(request.method()) && response.statusCode() == 201) {
                remember(response.body());
            }
        } catch (IOException e) {
            stats.record(ClientStats.NO_ANSWER, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void remember(String body) {
        Matcher matcher = ID.matcher(body);
        if (matcher.find()) {
            knownIds.addLast(Long.parseLong(matcher.group(1)));
            while (knownIds.size() > MAX_KNOWN_IDS) {
                knownIds.pollFirst();
            }
        }
    }

    @Override
    public void close() {
        pacer.interrupt();
        try {
            pacer.join(Duration.ofSeconds(2));
            inFlight.tryAcquire(MAX_IN_FLIGHT, 10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}

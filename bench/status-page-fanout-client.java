// Viewers for bench/status-page-fanout: N concurrent event-stream connections (virtual threads, JDK HttpClient,
// HTTP/1.1 on loopback), three quarters on the services stream and a quarter on the stream of the deployment in
// flight (following each new release as the previous one ends). For every change received while measuring it
// records the delivery time: from the controller committing the change (the frame's changedAt) to this process
// reading it. Same machine, same clock. Run as a single-file program:
//   java bench/status-page-fanout-client.java <baseUrl> <viewers> <connectSeconds> <measureSeconds>
// The last line it prints is key=value pairs.

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StatusPageFanoutClient {

    private static final Pattern CHANGED_AT = Pattern.compile("\"changedAt\":\"([^\"]+)\"");
    private static final Pattern IN_FLIGHT = Pattern.compile("\"inFlight\":\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TERMINAL = Pattern.compile("\"status\":\"(SUCCEEDED|ROLLED_BACK|FAILED)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicLong frames = new AtomicLong();
    private volatile boolean measuring;
    private volatile boolean stopping;

    StatusPageFanoutClient(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        StatusPageFanoutClient client = new StatusPageFanoutClient(args[0]);
        int viewers = Integer.parseInt(args[1]);
        Duration connect = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
        client.run(viewers, connect, measure);
    }

    void run(int viewers, Duration connect, Duration measure) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(viewers);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            boolean followsOne = i % 4 == 3;
            threads.add(Thread.ofVirtual().start(() -> view(followsOne, connected)));
        }
        boolean all = connected.await(connect.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        System.err.printf("%d of %d viewers connected%n", viewers - connected.getCount(), viewers);
        measuring = true;
        Thread.sleep(measure.toMillis());
        measuring = false;
        int openAtEnd = open.get();
        stopping = true;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "viewers=%d connected=%d open_at_end=%d reconnects=%d deliveries=%d"
                        + " deliver_p50_ms=%.1f deliver_p99_ms=%.1f deliver_max_ms=%.1f all_connected=%s%n",
                viewers, viewers - connected.getCount(), openAtEnd, reconnects.get(), sorted.size(),
                pct(sorted, 50), pct(sorted, 99), sorted.isEmpty() ? Double.NaN : sorted.getLast(), all);
        threads.forEach(Thread::interrupt);
    }

    private void view(boolean followsOne, CountDownLatch connected) {
        boolean counted = false;
        while (!stopping) {
            String path = "/api/services/events";
            if (followsOne) {
                String id = inFlight();
                if (id == null) {
                    sleep(250 + (long) (Math.random() * 250)); // between two releases: look again shortly, not all at once
                    continue;
                }
                path = "/api/deployments/" + id + "/events";
            }
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    sleep(100);
                    continue;
                }
                open.incrementAndGet();
                if (!counted) {
                    connected.countDown();
                    counted = true;
                }
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    if (read(in, followsOne)) {
                        continue; // the followed release ended: follow the next one
                    }
                } finally {
                    open.decrementAndGet();
                }
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
            }
            reconnects.incrementAndGet();
            sleep(200);
        }
    }

    /** Reads frames until the stream ends; true when a followed deployment finished. */
    private boolean read(BufferedReader in, boolean followsOne) throws java.io.IOException {
        for (String line = in.readLine(); line != null && !stopping; line = in.readLine()) {
            if (!line.startsWith("data:")) {
                continue;
            }
            Instant now = Instant.now();
            double received = now.toEpochMilli() + now.getNano() % 1_000_000 / 1e6;
            frames.incrementAndGet();
            if (line.contains("\"kind\":\"change\"")) {
                Matcher m = CHANGED_AT.matcher(line);
                if (m.find() && measuring) {
                    Instant changed = Instant.parse(m.group(1));
                    latencies.add(received - (changed.toEpochMilli() + changed.getNano() % 1_000_000 / 1e6));
                }
            }
            if (followsOne && TERMINAL.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private String inFlight() {
        try {
            // The API wants a credential even where the page is public: the test profile's read-only token.
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/services"))
                            .header("Authorization", "Bearer test-reader-token").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = IN_FLIGHT.matcher(body);
            return m.find() ? m.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

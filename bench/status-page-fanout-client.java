// Viewers for bench/status-page-fanout: N concurrent event-stream connections on loopback, three quarters on the
// services stream and a quarter on the stream of the deployment in flight (following each new release as the
// previous one ends). For every change received while measuring it records the delivery time: from the controller
// committing the change (the frame's changedAt) to this process reading it. Same machine, same clock.
//
// Each viewer is a virtual thread reading its own socket with blocking reads (plain HTTP/1.1, as a browser's
// EventSource speaks it), so that the measuring side adds as little delay and garbage as it can: the viewers share
// the machine with the controller, and the client's own queueing or GC pauses would be counted as delivery time.
//   java bench/status-page-fanout-client.java <baseUrl> <viewers> <connectSeconds> <measureSeconds>
// With -Dfanout.dump=FILE it also writes every delivery as "changedAtMillis latencyMillis".
// The last line it prints is key=value pairs.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StatusPageFanoutClient {

    private static final Pattern IN_FLIGHT = Pattern.compile("\"inFlight\":\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final String CHANGE = "\"kind\":\"change\"";
    private static final String CHANGED_AT = "\"changedAt\":\"";

    private final String host;
    private final int port;
    // Preallocated, so that recording a delivery allocates nothing.
    private final double[] latencies = new double[4_000_000];
    private final long[] changedAts = new long[latencies.length];
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> reconnectReasons = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    private volatile boolean stopping;

    StatusPageFanoutClient(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    public static void main(String[] args) throws Exception {
        StatusPageFanoutClient client = new StatusPageFanoutClient(URI.create(args[0]));
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
        boolean all = connected.await(connect.toMillis(), TimeUnit.MILLISECONDS);
        System.err.printf("%d of %d viewers connected%n", viewers - connected.getCount(), viewers);
        int reconnectsBefore = reconnects.get();
        measuring = true;
        Thread.sleep(measure.toMillis());
        measuring = false;
        int openAtEnd = open.get();
        int reconnectsWhileMeasuring = reconnects.get() - reconnectsBefore;
        stopping = true;
        int n = Math.min(recorded.get(), latencies.length);
        dump(n);
        double[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        reconnectReasons.forEach((why, count) -> System.err.printf("reconnect: %s x%d%n", why, count.get()));
        System.out.printf(Locale.ROOT, "viewers=%d connected=%d open_at_end=%d reconnects=%d deliveries=%d"
                        + " deliver_p50_ms=%.1f deliver_p99_ms=%.1f deliver_max_ms=%.1f all_connected=%s%n",
                viewers, viewers - connected.getCount(), openAtEnd, reconnectsWhileMeasuring, n,
                pct(sorted, 50), pct(sorted, 99), n == 0 ? Double.NaN : sorted[n - 1], all);
        threads.forEach(Thread::interrupt);
    }

    private void view(boolean followsOne, CountDownLatch connected) {
        boolean counted = false;
        while (!stopping) {
            String path = "/api/services/events";
            if (followsOne) {
                String id = inFlight();
                if (id == null) {
                    sleep(250 + ThreadLocalRandom.current().nextLong(250)); // between two releases: not all at once
                    continue;
                }
                path = "/api/deployments/" + id + "/events";
            }
            String ended;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 10_000);
                Response response = Response.get(socket, host, path, "Accept: text/event-stream\r\n");
                if (response.status != 200) {
                    sleep(100);
                    continue; // a finished release (204) or a refusal: look again
                }
                open.incrementAndGet();
                if (!counted) {
                    connected.countDown();
                    counted = true;
                }
                try {
                    ended = read(response.body);
                } finally {
                    open.decrementAndGet();
                }
            } catch (IOException e) {
                ended = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (stopping) {
                return;
            }
            if (ended == null) {
                continue; // the followed release ended: follow the next one
            }
            reconnects.incrementAndGet();
            reconnectReasons.computeIfAbsent((followsOne ? "follower: " : "services: ") + ended,
                    k -> new AtomicInteger()).incrementAndGet();
            sleep(200);
        }
    }

    /** Reads events until the stream ends: null when the server said it ended ({@code event:end}), else why not. */
    private String read(InputStream body) throws IOException {
        Lines lines = new Lines(body);
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (stopping) {
                return "stopping";
            }
            if (line.equals("event:end")) {
                return null;
            }
            if (line.startsWith("data:") && line.indexOf(CHANGE) > 0 && measuring) {
                Instant now = Instant.now();
                long received = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
                int at = line.indexOf(CHANGED_AT);
                if (at > 0) {
                    Instant changed = Instant.parse(line.substring(at + CHANGED_AT.length(), line.indexOf('"', at + CHANGED_AT.length())));
                    int i = recorded.getAndIncrement();
                    if (i < latencies.length) {
                        long changedMicros = changed.getEpochSecond() * 1_000_000 + changed.getNano() / 1000;
                        latencies[i] = (received - changedMicros) / 1000.0;
                        changedAts[i] = changed.toEpochMilli();
                    }
                }
            }
        }
        return "stream ended without event:end";
    }

    private String inFlight() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(10_000);
            // The API wants a credential even where the page is public: the test profile's read-only token.
            Response response = Response.get(socket, host, "/api/services", "Authorization: Bearer test-reader-token\r\n");
            String body = new String(response.body.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = IN_FLIGHT.matcher(body);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An HTTP/1.1 response on a connection of its own: its status, and its body (chunked or of a given length). */
    record Response(int status, InputStream body) {

        static Response get(Socket socket, String host, String path, String headers) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Lines head = new Lines(socket.getInputStream());
            String statusLine = head.next();
            if (statusLine == null) {
                throw new IOException("connection closed before a response");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            boolean chunked = false;
            long length = -1;
            for (String h = head.next(); h != null && !h.isEmpty(); h = head.next()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                }
            }
            InputStream body = chunked ? new Chunked(head) : new Bounded(head, length >= 0 ? length : Long.MAX_VALUE);
            return new Response(status, body);
        }
    }

    /** Lines of text (split at \n, a \r before it dropped) and bytes, read in bulk from a stream. */
    static final class Lines {
        private final InputStream in;
        private byte[] buf = new byte[16384];
        private int pos;
        private int lim;

        Lines(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            int scanned = pos;
            while (true) {
                for (int i = scanned; i < lim; i++) {
                    if (buf[i] == '\n') {
                        int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
                        pos = i + 1;
                        return line;
                    }
                }
                scanned = lim - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, lim - pos);
                    lim -= pos;
                    pos = 0;
                }
                if (lim == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) {
                    String rest = lim > pos ? new String(buf, pos, lim - pos, StandardCharsets.UTF_8) : null;
                    pos = lim;
                    return rest;
                }
                lim += n;
            }
        }

        /** Up to {@code len} bytes: what is buffered first, then from the stream. */
        int read(byte[] b, int off, int len) throws IOException {
            if (pos < lim) {
                int n = Math.min(len, lim - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
            return in.read(b, off, len);
        }
    }

    /** The body of a chunked response. */
    static final class Chunked extends InputStream {
        private final Lines in;
        private long left;
        private boolean first = true;
        private boolean done;

        Chunked(Lines in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!more()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                done = true;
                return -1;
            }
            left -= n;
            return n;
        }

        private boolean more() throws IOException {
            if (done) {
                return false;
            }
            if (left == 0) {
                if (!first) {
                    in.next(); // the CRLF after a chunk's data
                }
                first = false;
                String size = in.next();
                if (size == null) {
                    done = true;
                    return false;
                }
                int semicolon = size.indexOf(';');
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return false;
                }
            }
            return true;
        }
    }

    /** A body of a known length. */
    static final class Bounded extends InputStream {
        private final Lines in;
        private long left;

        Bounded(Lines in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private void dump(int n) {
        String file = System.getProperty("fanout.dump");
        if (file == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(changedAts[i]).append(' ').append(String.format(Locale.ROOT, "%.2f", latencies[i])).append('\n');
        }
        try {
            Files.writeString(Path.of(file), out);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e);
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

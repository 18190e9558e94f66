// Load generator for bench/demo-app-throughput: a closed loop of N concurrent workers (virtual threads, one
// keep-alive HTTP/1.1 connection each, on a minimal blocking client) driving 70% list / 20% get by id / 10% create against demo-app.
// Run as a single-file program:
//   java bench/demo-app-loadgen.java <baseUrl> <concurrency> <warmupS> <measureS> [appPid postmasterPid]
// With the two pids (Linux) it also reports the CPU time the app, PostgreSQL and itself used while measuring,
// which tells what the figures mean on a machine shared with other work.
// The last line it prints is key=value pairs.

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

public class DemoAppLoadgen {

    private static final int SEED_TASKS = 1000;
    private static final byte LIST = 0;
    private static final byte GET = 1;
    private static final byte CREATE = 2;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final String host;
    private final int port;
    private long[] ids;

    DemoAppLoadgen(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int concurrency = Integer.parseInt(args[1]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
        DemoAppLoadgen load = new DemoAppLoadgen(baseUrl);
        load.seed(concurrency);
        System.out.printf("seeded %d tasks; warming up for %ds%n", SEED_TASKS, warmup.toSeconds());
        load.run(concurrency, warmup);
        System.out.printf("measuring for %ds at concurrency %d%n", measure.toSeconds(), concurrency);
        CpuClock cpu = args.length >= 6 ? new CpuClock(Long.parseLong(args[4]), Long.parseLong(args[5])) : null;
        long[] before = cpu == null ? null : cpu.read();
        Result result = load.run(concurrency, measure);
        long[] after = cpu == null ? null : cpu.read();
        System.out.println(result.summary(concurrency, measure) + (cpu == null ? "" : CpuClock.summary(before, after, result)));
    }

    /** Creates the tasks that the get-by-id requests pick from. */
    private void seed(int concurrency) throws Exception {
        long[] seeded = new long[SEED_TASKS];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                try (Connection connection = new Connection(host, port)) {
                    for (int i = worker; i < SEED_TASKS; i += concurrency) {
                        Exchange created = connection.exchange(create("seed " + i), true);
                        Matcher id = ID.matcher(created.body());
                        if (created.status() != 201 || !id.find()) {
                            throw new IllegalStateException("create answered " + created.status() + ": " + created.body());
                        }
                        seeded[i] = Long.parseLong(id.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        ids = seeded;
    }

    private Result run(int concurrency, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        Worker[] workers = new Worker[concurrency];
        Thread[] threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(deadline);
            threads[i] = Thread.ofVirtual().start(workers[i]);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Result.of(workers);
    }

    private byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] create(String title) {
        byte[] body = ("{\"title\":\"" + title + "\",\"description\":\"load test\"}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /api/tasks HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private final class Worker implements Runnable {

        private final long deadline;
        private final byte[] list = get("/api/tasks");
        private long[] latencies = new long[1 << 14];
        private byte[] kinds = new byte[1 << 14];
        private int count;
        private int errors;

        Worker(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Connection connection = null;
            while (System.nanoTime() < deadline) {
                int dice = random.nextInt(100);
                byte[] request = dice < 70 ? list
                        : dice < 90 ? get("/api/tasks/" + ids[random.nextInt(ids.length)])
                        : create("load " + random.nextInt());
                int expected = dice < 90 ? 200 : 201;
                long started = System.nanoTime();
                boolean ok;
                try {
                    if (connection == null) {
                        connection = new Connection(host, port);
                    }
                    Exchange exchange = connection.exchange(request, false);
                    ok = exchange.status() == expected;
                    if (exchange.closed()) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException e) {
                    ok = false;
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                }
                record(System.nanoTime() - started, ok, dice < 70 ? LIST : dice < 90 ? GET : CREATE);
            }
            if (connection != null) {
                connection.close();
            }
        }

        private void record(long nanos, boolean ok, byte kind) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            kinds[count] = kind;
            latencies[count++] = nanos;
            if (!ok) {
                errors++;
            }
        }
    }

    private record Exchange(int status, String body, boolean closed) {
    }

    /**
     * A minimal blocking HTTP/1.1 keep-alive client: writes a prepared request, reads the status, the headers it
     * needs and the body (Content-Length or chunked). Much lighter than java.net.http, so the generator takes
     * less of the CPU it shares with the app and its database.
     */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder line = new StringBuilder(128);

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        Exchange exchange(byte[] request, boolean keepBody) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closed = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                }
            }
            ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    read(size, body);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                read(length, body);
            }
            return new Exchange(status, body == null ? null : body.toString(StandardCharsets.UTF_8), closed);
        }

        private long chunkSize() throws IOException {
            String size = readLine();
            int extension = size.indexOf(';');
            return Long.parseLong((extension >= 0 ? size.substring(0, extension) : size).trim(), 16);
        }

        private void read(long count, ByteArrayOutputStream into) throws IOException {
            byte[] buffer = new byte[8192];
            while (count > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (n < 0) {
                    throw new EOFException("connection closed in a body");
                }
                if (into != null) {
                    into.write(buffer, 0, n);
                }
                count -= n;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** CPU time (ms) of the app JVM, of PostgreSQL (postmaster and its backends) and of this generator. */
    private record CpuClock(long appPid, long postmasterPid) {

        private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

        long[] read() {
            long postgres = ticks(postmasterPid);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(process);
                    if (stat != null && Long.parseLong(stat[3]) == postmasterPid) {
                        postgres += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long self = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
            return new long[] {(long) (ticks(appPid) * TICK_MS), (long) (postgres * TICK_MS), self / 1_000_000};
        }

        static String summary(long[] before, long[] after, Result result) {
            long app = after[0] - before[0];
            long postgres = after[1] - before[1];
            long generator = after[2] - before[2];
            double perRequest = 1000.0 * (app + postgres + generator) / Math.max(1, result.sortedLatencies.length);
            return String.format(Locale.ROOT, " app_cpu_ms=%d pg_cpu_ms=%d loadgen_cpu_ms=%d cpu_us_per_req=%.0f",
                    app, postgres, generator, perRequest);
        }

        private static long ticks(long pid) {
            String[] stat = stat(Path.of("/proc", String.valueOf(pid)));
            return stat == null ? 0 : Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        }

        /** The fields of /proc/pid/stat after the command name, numbered as in proc(5) minus one. */
        private static String[] stat(Path process) {
            try {
                String line = Files.readString(process.resolve("stat"));
                String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
                String[] fields = new String[rest.length + 2];
                System.arraycopy(rest, 0, fields, 2, rest.length);
                return fields;
            } catch (IOException | RuntimeException vanished) {
                return null;
            }
        }
    }

    private record Result(long[] sortedLatencies, long[][] sortedByKind, long errors) {

        static Result of(Worker[] workers) {
            long errors = 0;
            long[] all = new long[0];
            long[][] byKind = {new long[0], new long[0], new long[0]};
            for (Worker worker : workers) {
                errors += worker.errors;
                all = append(all, worker.latencies, worker.count);
                for (byte kind = 0; kind < 3; kind++) {
                    byte k = kind;
                    long[] ofKind = IntStream.range(0, worker.count)
                            .filter(i -> worker.kinds[i] == k).mapToLong(i -> worker.latencies[i]).toArray();
                    byKind[kind] = append(byKind[kind], ofKind, ofKind.length);
                }
            }
            Arrays.sort(all);
            for (long[] ofKind : byKind) {
                Arrays.sort(ofKind);
            }
            return new Result(all, byKind, errors);
        }

        private static long[] append(long[] to, long[] from, int count) {
            long[] joined = Arrays.copyOf(to, to.length + count);
            System.arraycopy(from, 0, joined, to.length, count);
            return joined;
        }

        String summary(int concurrency, Duration duration) {
            int n = sortedLatencies.length;
            return String.format(Locale.ROOT,
                    "concurrency=%d duration_s=%d requests=%d rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d"
                            + " list_p99_ms=%.2f get_p99_ms=%.2f create_p99_ms=%.2f",
                    concurrency, duration.toSeconds(), n, n / (double) duration.toSeconds(),
                    percentile(sortedLatencies, 0.50), percentile(sortedLatencies, 0.95), percentile(sortedLatencies, 0.99),
                    n == 0 ? 0 : sortedLatencies[n - 1] / 1e6, errors,
                    percentile(sortedByKind[LIST], 0.99), percentile(sortedByKind[GET], 0.99), percentile(sortedByKind[CREATE], 0.99));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}

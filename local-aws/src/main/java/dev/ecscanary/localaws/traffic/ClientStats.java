package dev.ecscanary.localaws.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients saw: every request's outcome, by the version that answered it. A request failed when it got
 * a 5xx or no answer at all; 4xx are counted apart (the client's own doing, not the release's).
 */
public final class ClientStats {

    /** Counts of one version. */
    public record Counts(long succeeded, long clientErrors, long failed) {
        public long total() {
            return succeeded + clientErrors + failed;
        }
    }

    /** The answering version for requests that the load balancer itself answered, without a target. */
    public static final String LOAD_BALANCER = "(load balancer)";
    /** The answering version for requests that got no HTTP answer. */
    public static final String NO_ANSWER = "(no answer)";

    private final Map<String, LongAdder[]> byVersion = new ConcurrentHashMap<>();

    void record(String version, int status) {
        LongAdder[] counts = byVersion.computeIfAbsent(
                version, v -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        counts[status >= 500 || status <= 0 ? 2 : status >= 400 ? 1 : 0].increment();
    }

    public Map<String, Counts> byVersion() {
        Map<String, Counts> view = new TreeMap<>();
        byVersion.forEach((version, c) -> view.put(version, new Counts(c[0].sum(), c[1].sum(), c[2].sum())));
        return view;
    }

    public Counts total() {
        long ok = 0;
        long client = 0;
        long failed = 0;
        for (Counts c : byVersion().values()) {
            ok += c.succeeded();
            client += c.clientErrors();
            failed += c.failed();
        }
        return new Counts(ok, client, failed);
    }

    /** A compact line such as {@code 1.0.0 ok=512 err=0 | 2.0.0 ok=60 err=0}. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        byVersion()
                .forEach((version, c) -> line.append(line.isEmpty() ? "" : " | ")
                        .append(version)
                        .append(" ok=")
                        .append(c.succeeded())
                        .append(" err=")
                        .append(c.failed())
                        .append(c.clientErrors() > 0 ? " 4xx=" + c.clientErrors() : ""));
        return line.isEmpty() ? "no requests yet" : line.toString();
    }
}

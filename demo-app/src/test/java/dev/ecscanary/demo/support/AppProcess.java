package dev.ecscanary.demo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a process of its own, started the way a container starts it, so that tests can send
 * it real signals. Its output goes to a file under target/ for when a test fails.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static AppProcess start(String name, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "app-processes")).resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.ecscanary.demo.DemoApplication"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        return new AppProcess(builder.start(), port, log);
    }

    /** Waits until /health answers 200; fails with the process's log if it does not in time. */
    public AppProcess awaitHealthy(Duration timeout) {
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (http.get("/health").status() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notYetListening) {
                // keep waiting
            }
            sleep(100);
        }
        throw new IllegalStateException(
                "The app did not become healthy in " + timeout + "; see " + log.toAbsolutePath());
    }

    /** Sends SIGTERM, as ECS does when it stops a task. */
    public void terminate() {
        process.destroy();
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

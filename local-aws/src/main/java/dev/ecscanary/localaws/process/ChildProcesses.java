package dev.ecscanary.localaws.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts and stops the rehearsal's child JVMs (tasks, the controller) so that none outlives the rehearsal:
 * every pid goes into a pidfile that a watchdog reads when this JVM dies without running its shutdown hooks
 * (the watchdog sees its stdin close), and the next start sweeps whatever an earlier run left behind.
 */
public final class ChildProcesses implements AutoCloseable {

    private static final List<String> OURS = List.of("demo-app.jar", "deploy-controller.jar", "postgres");

    private final Path pidFile;
    private final Path logDir;
    private final List<Process> running = new CopyOnWriteArrayList<>();
    private Process watchdog;

    public ChildProcesses(Path stateDir) {
        this.pidFile = stateDir.resolve("children.pids");
        this.logDir = stateDir.resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills children that a previous run left behind (its JVM was killed), then arms the watchdog. */
    public void start() throws IOException {
        sweepLeftovers();
        Files.writeString(pidFile, "");
        watchdog = new ProcessBuilder(
                        "sh",
                        "-c",
                        "cat >/dev/null; p=$(cut -d' ' -f1 \"$0\" 2>/dev/null); [ -n \"$p\" ] && { kill $p; sleep 5; kill -9 $p; } 2>/dev/null; exit 0",
                        pidFile.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    public Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    public Process launch(String logName, List<String> command, Map<String, String> environment, File workDir) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(logFile(logName).toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            running.add(process);
            register(process.pid());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a process that this JVM did not start itself (PostgreSQL's postmaster) to the pidfile. */
    public synchronized void register(long pid) {
        try {
            long started = ProcessHandle.of(pid)
                    .flatMap(p -> p.info().startInstant())
                    .map(java.time.Instant::toEpochMilli)
                    .orElse(0L);
            Files.writeString(pidFile, pid + " " + started + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process (and its descendants) to stop, waits up to {@code grace}, then kills what is left. */
    public void stop(Process process, Duration grace) {
        List<ProcessHandle> family = process.descendants().collect(Collectors.toList());
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        running.remove(process);
        unregister(process.pid());
    }

    /** Takes a stopped process out of the pidfile, so that the watchdog never kills a pid the system reused. */
    private synchronized void unregister(long pid) {
        try {
            List<String> kept = Files.readAllLines(pidFile).stream()
                    .filter(line -> !line.startsWith(pid + " "))
                    .toList();
            Files.write(pidFile, kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List.copyOf(running).parallelStream().forEach(p -> stop(p, Duration.ofSeconds(10)));
        try {
            Files.writeString(pidFile, "");
        } catch (IOException ignored) {
            // the watchdog then finds nothing to kill, which is also right when the file is gone
        }
        if (watchdog != null) {
            try {
                watchdog.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private void sweepLeftovers() throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            long started = fields.length > 1 ? Long.parseLong(fields[1]) : -1;
            ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(p -> p.info()
                                    .startInstant()
                                    .map(java.time.Instant::toEpochMilli)
                                    .orElse(0L)
                            == started)
                    .filter(p -> p.info()
                            .commandLine()
                            .map(c -> OURS.stream().anyMatch(c::contains))
                            .orElse(false))
                    .ifPresent(p -> {
                        p.destroyForcibly();
                        p.onExit()
                                .orTimeout(5, TimeUnit.SECONDS)
                                .exceptionally(e -> p)
                                .join();
                    });
        }
    }
}

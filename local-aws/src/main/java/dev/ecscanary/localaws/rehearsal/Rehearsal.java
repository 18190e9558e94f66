package dev.ecscanary.localaws.rehearsal;

import dev.ecscanary.localaws.LocalAws;
import dev.ecscanary.localaws.LocalAwsSettings;
import dev.ecscanary.localaws.ecs.ProcessTaskLauncher;
import dev.ecscanary.localaws.process.ChildProcesses;
import dev.ecscanary.localaws.traffic.TrafficGenerator;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A whole release pipeline on one machine: PostgreSQL, the local AWS with the first release running as the blue
 * task set, the deploy controller, and steady client traffic. {@link #close()} stops all of it.
 */
public final class Rehearsal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Rehearsal.class.getName());

    private final RehearsalSettings settings;
    private final ChildProcesses children;
    private final List<AutoCloseable> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private SharedDatabase database;
    private LocalAws aws;
    private ControllerProcess controller;
    private TrafficGenerator traffic;
    private Thread liveStatus;

    private Rehearsal(RehearsalSettings settings) {
        this.settings = settings;
        this.children = new ChildProcesses(settings.stateDir());
    }

    /** A rehearsal not started yet: {@link #close()} may already be hooked to the JVM's shutdown. */
    public static Rehearsal create(RehearsalSettings settings) {
        return new Rehearsal(settings);
    }

    /** Creates and starts a rehearsal. */
    public static Rehearsal start(RehearsalSettings settings, PrintStream progress) throws Exception {
        Rehearsal rehearsal = create(settings);
        rehearsal.start(progress);
        return rehearsal;
    }

    /** Starts everything in order; on any failure, stops what had started and rethrows. */
    public void start(PrintStream progress) throws Exception {
        try {
            startAll(progress);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startAll(PrintStream progress) throws Exception {
        requireJar(settings.demoAppJar());
        children.start();
        track(children);
        progress.println("Starting PostgreSQL (databases tasks, controller) ...");
        database = SharedDatabase.start(settings.stateDir().resolve("postgres"), children);
        track(database);
        progress.println("Starting the local AWS and the first release (" + settings.initialImage()
                + ") as the blue task set ...");
        aws = new LocalAws(
                        new LocalAwsSettings(
                                settings.awsPort(),
                                settings.productionPort(),
                                settings.testPort(),
                                settings.timeScale(),
                                settings.tasksPerTaskSet(),
                                settings.codeDeployAlarmRollback()),
                        new ProcessTaskLauncher(
                                children, javaBin(), settings.demoAppJar(), database.jdbcUrlWithCredentials("tasks")))
                .start();
        track(aws);
        aws.bootstrap(settings.initialImage());
        if (settings.withController()) {
            progress.println("Starting the deploy controller on port " + settings.controllerPort() + " ...");
            controller = new ControllerProcess(
                    children,
                    settings.controllerJar(),
                    javaBin(),
                    settings.controllerPort(),
                    aws.endpoint(),
                    database,
                    settings.timeScale().factor());
            track(controller);
            controller.start(Duration.ofSeconds(180));
        }
        if (settings.withTraffic()) {
            traffic = new TrafficGenerator(URI.create(aws.productionUrl()), settings.requestsPerSecond()).start();
            track(traffic);
        }
    }

    /** Remembers a started part for {@link #close()}; if the rehearsal was stopped meanwhile (Ctrl-C), stops it at once. */
    private void track(AutoCloseable part) throws Exception {
        started.add(part);
        if (closed) {
            close();
            throw new IllegalStateException("the rehearsal was stopped while it was starting");
        }
    }

    /** Prints one status line every scaled minute until closed. */
    public void printLiveStatus(PrintStream out) {
        liveStatus = new LiveStatus(aws, traffic, out).start();
    }

    public String statusLine() {
        return new LiveStatus(aws, traffic, System.out).line();
    }

    public RehearsalSettings settings() {
        return settings;
    }

    public LocalAws aws() {
        return aws;
    }

    public ControllerProcess controller() {
        return controller;
    }

    public TrafficGenerator traffic() {
        return traffic;
    }

    private static void requireJar(Path jar) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the jars first (./mvnw -B -DskipTests package)");
        }
    }

    static Path javaBin() {
        return Path.of(ProcessHandle.current().info().command().orElse("java"));
    }

    /** Stops in reverse order of starting: traffic, controller, tasks and local AWS, PostgreSQL, then the watchdog. */
    @Override
    public synchronized void close() {
        closed = true;
        if (liveStatus != null) {
            liveStatus.interrupt();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.log(
                        Level.WARNING,
                        "could not stop " + started.get(i).getClass().getSimpleName(),
                        e);
            }
        }
        started.clear();
    }
}

package dev.ecscanary.localaws;

import dev.ecscanary.localaws.rehearsal.Rehearsal;
import dev.ecscanary.localaws.rehearsal.RehearsalSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-aws.jar [--no-controller] [--no-traffic]}: the one-command rehearsal. Starts everything,
 * prints the URLs and two ready-to-paste releases, then a status line per scaled minute; Ctrl-C stops it all.
 * {@code java -jar local-aws.jar blast-radius} runs the faulty-release benchmark instead.
 */
public final class LocalAwsMain {

    private LocalAwsMain() {}

    public static void main(String[] args) throws Exception {
        // Idle pooled connections to tasks are dropped before the tasks' servers would close them.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        List<String> flags = List.of(args);
        if (flags.contains("blast-radius")) {
            System.exit(dev.ecscanary.localaws.bench.BlastRadius.run(System.getenv(), System.out));
        }
        PrintStream out = System.out;
        RehearsalSettings settings;
        try {
            settings = RehearsalSettings.fromEnvironment(
                    System.getenv(), !flags.contains("--no-controller"), !flags.contains("--no-traffic"));
        } catch (IllegalArgumentException e) {
            System.err.println("The rehearsal could not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Rehearsal rehearsal = Rehearsal.create(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping the rehearsal ...");
                            rehearsal.close();
                            out.println("Stopped; no process left behind.");
                            stopped.countDown();
                        },
                        "rehearsal-shutdown"));
        try {
            rehearsal.start(out);
        } catch (Exception e) {
            System.err.println("The rehearsal could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Banner.print(rehearsal, out);
        rehearsal.printLiveStatus(out);
        stopped.await();
    }
}

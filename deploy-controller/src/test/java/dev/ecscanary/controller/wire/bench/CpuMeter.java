package dev.ecscanary.controller.wire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent so far by the controller's JVM, by its PostgreSQL (the JVM's child processes) and by this
 * benchmark's JVM (the stand-in AWS), read from {@code /proc}: on a shared machine, what one tick costs says more than
 * how long it took.
 */
final class CpuMeter {

    /** Linux's USER_HZ, the unit of utime and stime in /proc/[pid]/stat. */
    private static final double TICKS_PER_SECOND = 100;

    private final ProcessHandle controller;
    private final String postgresDataDir;

    /** @param postgresDataDir the data directory of the controller's embedded PostgreSQL, which finds its processes */
    CpuMeter(ProcessHandle controller, Path postgresDataDir) {
        this.controller = controller;
        this.postgresDataDir = postgresDataDir.toString();
    }

    record Reading(double controllerMs, double postgresMs, double standInMs) {

        Reading minus(Reading earlier) {
            return new Reading(
                    controllerMs - earlier.controllerMs,
                    postgresMs - earlier.postgresMs,
                    standInMs - earlier.standInMs);
        }
    }

    Reading read() {
        // pg_ctl daemonizes the postmaster, so it is found by its data directory; the backends are its children.
        // The controller's own command line names the data directory too: only a postgres executable counts.
        double postgres = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> String.join(" ", args).contains(postgresDataDir))
                        .orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                .mapToDouble(CpuMeter::cpuMillis)
                .sum();
        double standIn = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e6;
        return new Reading(cpuMillis(controller), postgres, standIn);
    }

    /** utime + stime of one process; 0 when it is gone. */
    private static double cpuMillis(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND * 1000;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}

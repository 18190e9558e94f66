package dev.ecscanary.localaws.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting JVMs run at a lower CPU priority until they serve: on AWS a task starting up has its own CPU and
 * cannot starve the tasks already serving traffic, while on this machine all JVMs share a few cores. Where
 * {@code nice}/{@code renice} are missing or not permitted, everything simply runs at normal priority.
 */
public final class Niceness {

    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final Path RENICE = Path.of("/usr/bin/renice");

    private Niceness() {}

    /** The command, prefixed to start at a lower priority. */
    public static List<String> starting(List<String> command) {
        if (!Files.isExecutable(NICE)) {
            return command;
        }
        List<String> lowered = new ArrayList<>(List.of(NICE.toString(), "-n", "10"));
        lowered.addAll(command);
        return lowered;
    }

    /** Back to normal priority, once the process serves. */
    public static void serving(long pid) {
        if (!Files.isExecutable(RENICE)) {
            return;
        }
        try {
            Process renice = new ProcessBuilder(RENICE.toString(), "-n", "0", "-p", String.valueOf(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            renice.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // not permitted here: the process keeps its lower priority, which is only slower, never wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.ecscanary.controller.wire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A JDK Flight Recording of the controller over the measurement only (not its start-up), made with jcmd. */
final class FlightRecording {

    private static final String NAME = "controller-detection";

    private final ProcessHandle controller;
    private final Path file;

    private FlightRecording(ProcessHandle controller, Path file) {
        this.controller = controller;
        this.file = file;
    }

    /** Starts a recording when {@code file} is given; otherwise one whose stop does nothing. */
    static FlightRecording startIfAsked(Path file, ProcessHandle controller) throws IOException, InterruptedException {
        FlightRecording recording = new FlightRecording(controller, file);
        if (file != null) {
            recording.jcmd("JFR.start", "name=" + NAME, "settings=profile");
        }
        return recording;
    }

    void stop() throws IOException, InterruptedException {
        if (file != null) {
            jcmd("JFR.stop", "name=" + NAME, "filename=" + file);
            DetectionBench.log("flight recording of the measurement: " + file);
        }
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        String[] line = new String[command.length + 2];
        line[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        line[1] = Long.toString(controller.pid());
        System.arraycopy(command, 0, line, 2, command.length);
        Process jcmd = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
    }
}

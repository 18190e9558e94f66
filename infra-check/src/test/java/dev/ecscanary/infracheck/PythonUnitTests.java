package dev.ecscanary.infracheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one folder of Python unittest tests ({@code python3 -m unittest discover -s <folder> -v}) from the repository
 * root, within a time limit. The output goes to a file, so a chatty test cannot fill a pipe and stall the run.
 */
final class PythonUnitTests {

    /** How a run ended: {@code finished} is false when the time limit stopped it. */
    record Run(boolean finished, int exitCode, String output) {}

    private PythonUnitTests() {}

    static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Run discover(String folder) throws IOException, InterruptedException {
        Path output = Files.createTempFile("python-unittest", ".log");
        try {
            Process process = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", folder, "-v")
                    .directory(RepositoryLayout.ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Run(
                    finished, finished ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}

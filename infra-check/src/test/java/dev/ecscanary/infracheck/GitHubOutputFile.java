package dev.ecscanary.infracheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code $GITHUB_OUTPUT} file as the runner does: {@code name=value} lines, and {@code name<<DELIMITER}
 * followed by lines up to the delimiter for values spanning lines. A later line for a name wins.
 */
final class GitHubOutputFile {

    private GitHubOutputFile() {}

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
            String line = it.next();
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (String next = it.next(); !next.equals(delimiter); next = it.next()) {
                    value.append(value.isEmpty() ? "" : "\n").append(next);
                }
                outputs.put(line.substring(0, heredoc), value.toString());
            } else if (equals > 0) {
                outputs.put(line.substring(0, equals), line.substring(equals + 1));
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("not an output line: " + line);
            }
        }
        return outputs;
    }
}

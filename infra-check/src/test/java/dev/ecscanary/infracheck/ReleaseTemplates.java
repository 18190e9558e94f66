package dev.ecscanary.infracheck;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders taskdef.json.tpl and appspec.yaml the way the controller does: mustache.java, every value JSON-escaped
 * (which is also a valid YAML double-quoted string), and a variable the template names but the scope lacks is
 * an error instead of an empty string.
 */
final class ReleaseTemplates {

    private ReleaseTemplates() {}

    static String render(Path template, Map<String, Object> variables) {
        try {
            Mustache mustache = new JsonEscapingFactory()
                    .compile(
                            new StringReader(Files.readString(template)),
                            template.getFileName().toString());
            StringWriter out = new StringWriter();
            mustache.execute(out, new StrictScope(variables)).flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class JsonEscapingFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(jsonEscape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }

    /** A scope that claims every name, so that mustache asks it, and fails on the ones it does not have. */
    private static final class StrictScope extends HashMap<String, Object> {
        StrictScope(Map<String, Object> variables) {
            super(variables);
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Object get(Object key) {
            if (!super.containsKey(key)) {
                throw new IllegalArgumentException("template variable {{" + key + "}} has no value");
            }
            return super.get(key);
        }
    }
}

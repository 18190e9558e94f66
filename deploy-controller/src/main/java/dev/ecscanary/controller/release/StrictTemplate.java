package dev.ecscanary.controller.release;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mustache template rendered strictly: every value is written as the inside of a JSON string (which is also a
 * valid YAML double-quoted scalar), a variable the model does not have is an error instead of an empty string, and
 * unescaped tags ({@code {{{x}}}}, {@code {{&x}}}) are refused, so no value can break out of its quotes.
 */
public final class StrictTemplate {

    private static final Pattern UNESCAPED_TAG = Pattern.compile("\\{\\{\\s*[{&]");

    private final String name;
    private final Mustache mustache;

    private StrictTemplate(String name, Mustache mustache) {
        this.name = name;
        this.mustache = mustache;
    }

    public static StrictTemplate compile(String name, String source) {
        if (UNESCAPED_TAG.matcher(source).find()) {
            throw new TemplateException(name + ": unescaped tags ({{{...}}} or {{&...}}) are not allowed");
        }
        try {
            return new StrictTemplate(name, new JsonEscapingFactory().compile(new StringReader(source), name));
        } catch (MustacheException e) {
            throw new TemplateException(name + ": " + e.getMessage(), e);
        }
    }

    public String render(Map<String, ?> model) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, List.of(model)).flush();
        } catch (MissingVariableException e) {
            throw new TemplateException(name + ": no value for {{" + e.variable + "}}");
        } catch (MustacheException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MissingVariableException missing) {
                    throw new TemplateException(name + ": no value for {{" + missing.variable + "}}");
                }
            }
            throw new TemplateException(name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static final class JsonEscapingFactory extends DefaultMustacheFactory {

        JsonEscapingFactory() {
            setObjectHandler(new StrictObjectHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(JsonText.escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        public Wrapper find(String variable, List<Object> scopes) {
            Wrapper found = super.find(variable, scopes);
            return callScopes -> {
                Object value = found.call(callScopes);
                if (value == null) {
                    throw new MissingVariableException(variable);
                }
                return value;
            };
        }
    }

    private static final class MissingVariableException extends RuntimeException {
        private final String variable;

        MissingVariableException(String variable) {
            super("missing variable " + variable, null, false, false);
            this.variable = variable;
        }
    }
}

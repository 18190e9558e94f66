package dev.ecscanary.controller.revision;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * A mustache template rendered strictly: every value is written as the inside of a JSON string (which is also a
 * valid YAML double-quoted scalar), a variable the model does not have is an error instead of an empty string, and
 * unescaped tags ({@code {{{x}}}}, {@code {{&x}}}, whatever the delimiters) are refused, so no value can break out of
 * its quotes. A template is one self-contained text: partials and template inheritance, which would read other files
 * from the classpath or the disk, are refused too.
 */
public final class StrictTemplate {

    private final String name;
    private final Mustache mustache;

    private StrictTemplate(String name, Mustache mustache) {
        this.name = name;
        this.mustache = mustache;
    }

    public static StrictTemplate compile(String name, String source) {
        try {
            return new StrictTemplate(name, new JsonEscapingFactory().compile(new StringReader(source), name));
        } catch (RefusedTagException e) {
            throw new TemplateException(name + ": " + e.getMessage());
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
        public MustacheVisitor createMustacheVisitor() {
            return new StrictVisitor(this);
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

    /** Refuses, while parsing, every tag that could emit a value unescaped or read another file. */
    private static final class StrictVisitor extends DefaultMustacheVisitor {

        StrictVisitor(DefaultMustacheFactory factory) {
            super(factory);
        }

        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
            if (!encoded) {
                throw new RefusedTagException("unescaped tags ({{{...}}} or {{&...}}) are not allowed", tc);
            }
            super.value(tc, variable, encoded);
        }

        @Override
        public void partial(TemplateContext tc, String variable, String indent) {
            throw new RefusedTagException("partials ({{>...}}) are not allowed", tc);
        }

        @Override
        public void dynamicPartial(TemplateContext tc, String variable, String indent) {
            throw new RefusedTagException("partials ({{>*...}}) are not allowed", tc);
        }

        @Override
        public void extend(TemplateContext tc, String variable, Mustache mustache) {
            throw new RefusedTagException("template inheritance ({{<...}}) is not allowed", tc);
        }
    }

    private static final class RefusedTagException extends RuntimeException {
        RefusedTagException(String what, TemplateContext tc) {
            super(what + " (line " + tc.line() + ")", null, false, false);
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

package dev.ecscanary.controller.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders the mustache templates under {@code classpath:templates/} into HTML responses. Values are HTML-escaped
 * (mustache's default); only the server-rendered SVG chart is inserted unescaped, and it escapes its own text.
 */
@Component
class Pages {

    private final MustacheFactory mustache = new DefaultMustacheFactory("templates");

    ResponseEntity<String> ok(String template, Object model) {
        return page(HttpStatus.OK, template, model);
    }

    ResponseEntity<String> page(HttpStatus status, String template, Object model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(render(template, model));
    }

    ResponseEntity<String> notFound(String what) {
        return page(HttpStatus.NOT_FOUND, "not-found", new NotFound("Not found", what));
    }

    String render(String template, Object model) {
        StringWriter out = new StringWriter();
        mustache.compile(template + ".mustache").execute(out, model);
        return out.toString();
    }

    /** The model of the not-found page. */
    record NotFound(String title, String message) {
    }
}

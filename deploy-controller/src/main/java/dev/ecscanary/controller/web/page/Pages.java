package dev.ecscanary.controller.web.page;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.ecscanary.controller.security.signin.SignInOptions;
import java.io.StringWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Renders the mustache templates under {@code classpath:templates/} into HTML responses. Every value is HTML-escaped
 * (mustache's default), the chart's SVG included: it is a template too ({@code chart.mustache}). Every
 * page also sees the {@link PageHeader} of the request it answers (who is signed in), under the page's own model.
 */
@Component
public class Pages {

    private final MustacheFactory mustache = new DefaultMustacheFactory("templates");
    private final boolean signInOffered;

    Pages(ObjectProvider<SignInOptions> signIn) {
        SignInOptions options = signIn.getIfAvailable();
        this.signInOffered = options != null && options.any();
    }

    public ResponseEntity<String> ok(String template, Object model) {
        return page(HttpStatus.OK, template, model);
    }

    public ResponseEntity<String> page(HttpStatus status, String template, Object model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(render(template, model));
    }

    ResponseEntity<String> notFound(String what) {
        return page(HttpStatus.NOT_FOUND, "not-found", new NotFound("Not found", what));
    }

    String render(String template, Object model) {
        StringWriter out = new StringWriter();
        // mustache looks a name up in the last scope first: the page's model, then the header
        mustache.compile(template + ".mustache").execute(out, new Object[] {header(), model});
        return out.toString();
    }

    private PageHeader header() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? PageHeader.of(request.getRequest(), signInOffered)
                : PageHeader.NOBODY;
    }

    /** The model of the not-found page. */
    public record NotFound(String title, String message) {}
}

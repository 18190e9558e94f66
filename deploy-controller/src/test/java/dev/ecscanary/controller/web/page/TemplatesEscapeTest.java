package dev.ecscanary.controller.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every value on every page goes through mustache's HTML escaping: no template inserts one as is. */
class TemplatesEscapeTest {

    @Test
    void noTemplateInsertsAValueUnescaped() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates"))) {
            templates = files.filter(f -> f.toString().endsWith(".mustache")).toList();
        }
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            assertThat(Files.readString(template))
                    .as("%s inserts nothing with {{{...}}} or {{&...}}", template.getFileName())
                    .doesNotContain("{{{", "{{&");
        }
    }
}

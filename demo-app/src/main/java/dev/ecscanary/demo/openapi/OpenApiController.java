package dev.ecscanary.demo.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the hand-written OpenAPI 3 description checked in as {@code openapi.json}. A test keeps it in step
 * with the routes the application actually maps.
 */
@RestController
class OpenApiController {

    static final String LOCATION = "openapi.json";

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI description " + LOCATION + " is missing from the classpath", e);
        }
    }

    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> apiDocs() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}

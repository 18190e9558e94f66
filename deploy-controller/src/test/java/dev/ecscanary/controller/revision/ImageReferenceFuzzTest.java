package dev.ecscanary.controller.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Fuzzes the image grammar: any string either fails to parse, or parses into a reference that cannot break out of
 * a JSON string or YAML scalar (no quote, backslash, whitespace or control character) and whose repository is its own
 * prefix. Under {@code mvn test} the seeds in {@code ImageReferenceFuzzTestInputs/} run as regression tests;
 * {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class ImageReferenceFuzzTest {

    @DictionaryEntries({
        "123456789012.dkr.ecr.eu-central-1.amazonaws.com/",
        "localhost:5000/",
        "demo-app",
        ":2.0.0",
        "@sha256:",
        "0123456789abcdef0123456789abcdef",
        "__",
        "--",
        "..",
        ":",
        "/",
        "@"
    })
    @FuzzTest(maxDuration = "20s")
    void anyStringParsesIntoASafeReferenceOrNotAtAll(String input) {
        Optional<ImageReference> parsed = ImageReference.tryParse(input);
        parsed.ifPresent(image -> {
            assertThat(image.value()).isEqualTo(input).hasSizeLessThanOrEqualTo(1024);
            assertThat(image.value()).doesNotContainPattern("[\"'\\\\\\s\\p{Cntrl}{}]");
            assertThat(image.value()).startsWith(image.repository());
            assertThat(image.version()).isNotBlank();
            assertThat(ImageReference.tryParse(image.value())).contains(image);
        });
    }
}

package dev.ecscanary.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ecscanary.controller.revision.ImageReference;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what the API does with a request body before any release logic: JSON into {@link ReleaseRequestBody}, bean
 * validation, the image grammar and the idempotency hash. Any bytes end in a parse error, a validation error or a
 * body whose fields are all within their bounds — never another exception.
 */
class ReleaseRequestParsingFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    /** Jackson is not instrumented (only this project's classes are), so the fuzzer is told the body's words. */
    @DictionaryEntries({
        "\"service\"",
        "\"image\"",
        "\"environment\"",
        "\"description\"",
        "\"commitSha\"",
        "\"runUrl\"",
        "\"demo-app\"",
        "\"production\"",
        "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app",
        ":2.0.0",
        "@sha256:",
        "0123456789abcdef0123456789abcdef",
        "\\u0000",
        "\\ud800",
        "null",
        "true",
        "1e999"
    })
    @FuzzTest(maxDuration = "20s")
    void anyBodyIsRefusedInWordsOrBoundedInEveryField(byte[] input) {
        ReleaseRequestBody body;
        try {
            body = JSON.readValue(input, ReleaseRequestBody.class);
        } catch (JacksonException refused) {
            return; // answered as a 400 problem by the API
        }
        if (body == null || !VALIDATOR.validate(body).isEmpty()) {
            return; // a 400 listing the fields
        }
        assertThat(body.service()).hasSizeLessThanOrEqualTo(100).matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
        assertThat(body.image()).hasSizeLessThanOrEqualTo(1024);
        assertThat(body.description() == null || body.description().length() <= 1000)
                .isTrue();
        ImageReference.tryParse(body.image());
        assertThat(body.hash()).hasSize(64);
    }
}

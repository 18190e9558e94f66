package dev.ecscanary.controller.revision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Image references as the OCI distribution grammar has them, and the repository allow-lists match on. */
class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "demo-app:2.0.0, demo-app, 2.0.0",
        "123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0-faulty, 123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app, 2.0.0-faulty",
        "localhost:5000/team/demo-app:v1, localhost:5000/team/demo-app, v1",
        "ghcr.io/o/r/demo_app__x:1.2.3_rc.1, ghcr.io/o/r/demo_app__x, 1.2.3_rc.1"
    })
    void parsesRepositoryAndTag(String value, String repository, String tag) {
        ImageReference ref = ImageReference.parse(value);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.version()).isEqualTo(tag);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "demo-app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "demo-app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            })
    void acceptsDigests(String value) {
        assertThat(ImageReference.tryParse(value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "demo-app",
                "Demo-App:1",
                "demo-app:",
                "demo-app:-x",
                "demo app:1",
                "demo-app:1\"",
                "demo-app:1\n",
                "/demo-app:1",
                "demo-app//x:1",
                "demo-app:1@sha256:short",
                "demo-app:{{image}}"
            })
    void rejectsWhatIsNotAReleasableReference(String value) {
        assertThat(ImageReference.tryParse(value)).isEmpty();
    }
}

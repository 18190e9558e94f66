package dev.ecscanary.demo.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantSerializerTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
            .build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1970-01-01T00:00:00Z", "2026-11-23T17:15:36.188109Z", "2026-11-23T17:15:36.188100Z",
                "2026-11-23T17:15:36.188Z", "2026-11-23T17:15:36.000001Z", "2026-11-23T17:15:36.123456789Z",
                "1969-12-31T23:59:59.999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"
            })
    void writesWhatIsoInstantWrites(String text) {
        Instant instant = Instant.parse(text);

        assertThat(JSON.writeValueAsString(instant))
                .isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"");
    }

    @Test
    void agreesWithIsoInstantOnRandomMicrosecondInstants() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000) * 1_000L);
            assertThat(JSON.writeValueAsString(instant))
                    .isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"");
        }
    }
}

package dev.ecscanary.demo.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.demo.support.SharedPostgres;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void aSecondServerOnADataDirectoryInUseFailsSayingWhatToDo() {
        EmbeddedPostgresServer running = SharedPostgres.server();

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(running.dataDirectory()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data directory " + running.dataDirectory() + " is in use by another server")
                .hasMessageContaining("DATABASE_URL");
    }
}

package dev.ecscanary.demo.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/tasks?user=app&password=secret");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/tasks?user=app&password=secret");
        assertThat(url.username()).isNull();
    }

    @Test
    void aPostgresUrlBecomesAJdbcUrlWithTheCredentialsTakenOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:s3cr%40t+x@db.internal:6543/tasks?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/tasks?sslmode=require");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cr@t+x");
        assertThat(url.toString()).doesNotContain("s3cr");
    }

    @Test
    void thePostgresqlSchemeDefaultPortAndDatabaseAreAccepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@localhost");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isNull();
    }

    @Test
    void anythingElseIsRejectedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/tasks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL must start with jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///tasks")).hasMessageContaining("has no host");
    }
}

package dev.ecscanary.demo.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.SharedPostgres;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Blue and green start against one database at the same moment: both run Flyway, each on its own session as
 * two processes would. Flyway's PostgreSQL advisory lock must let exactly one of them apply each migration.
 */
class ConcurrentMigrationTest {

    @ParameterizedTest(name = "race {0}")
    @ValueSource(ints = {1, 2, 3})
    void twoInstancesMigratingTheSameEmptyDatabaseAtOnceApplyEachMigrationOnce(int race) throws Exception {
        String database = "migration_race_" + race + "_" + System.nanoTime();
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(SharedPostgres.jdbcUrl(), "postgres", ""));
        admin.sql("CREATE DATABASE " + database).update();
        String url = SharedPostgres.jdbcUrl().replaceAll("/postgres$", "/" + database);

        CyclicBarrier start = new CyclicBarrier(2);
        List<MigrateResult> results;
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            List<Future<MigrateResult>> migrations =
                    List.of(instances.submit(() -> migrate(url, start)), instances.submit(() -> migrate(url, start)));
            results = List.of(migrations.get(0).get(), migrations.get(1).get());
        }

        assertThat(results).allSatisfy(result -> assertThat(result.success).isTrue());
        assertThat(results.stream()
                        .mapToInt(result -> result.migrationsExecuted)
                        .sum())
                .isEqualTo(1);
        JdbcClient migrated = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        assertThat(migrated.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(migrated.sql("SELECT count(*) FROM tasks").query(Long.class).single())
                .isZero();
    }

    private static MigrateResult migrate(String url, CyclicBarrier start) throws Exception {
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", "").load();
        start.await();
        return flyway.migrate();
    }
}

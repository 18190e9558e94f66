package dev.ecscanary.demo.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: {@code spring.datasource.url} if set, else {@code DATABASE_URL}, else an embedded
 * PostgreSQL over {@code demo.embedded.data-dir} (env {@code DEMO_DATA_DIR}). The pool is tuned through the
 * usual {@code spring.datasource.hikari.*} properties in every case.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseConfiguredCondition.class)
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${demo.embedded.data-dir}") Path dataDirectory) {
        long started = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        log.info(
                "No database configured: embedded PostgreSQL on port {} over {} (started in {} ms)",
                server.port(),
                server.dataDirectory(),
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment environment, ObjectProvider<EmbeddedPostgresServer> embedded) {
        DatabaseUrl database = resolve(environment, embedded);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    private static DatabaseUrl resolve(Environment environment, ObjectProvider<EmbeddedPostgresServer> embedded) {
        String username = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        String datasourceUrl = environment.getProperty(NoDatabaseConfiguredCondition.DATASOURCE_URL);
        if (datasourceUrl != null && !datasourceUrl.isBlank()) {
            return new DatabaseUrl(datasourceUrl, username, password);
        }
        String databaseUrl = environment.getProperty(NoDatabaseConfiguredCondition.DATABASE_URL);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            return parsed.username() != null ? parsed : new DatabaseUrl(parsed.jdbcUrl(), username, password);
        }
        EmbeddedPostgresServer server = embedded.getObject();
        return new DatabaseUrl(server.jdbcUrl(), EmbeddedPostgresServer.USERNAME, null);
    }
}

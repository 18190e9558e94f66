package dev.ecscanary.demo.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when neither {@code spring.datasource.url} nor {@code DATABASE_URL} names a database. */
class NoDatabaseConfiguredCondition implements Condition {

    static final String DATABASE_URL = "DATABASE_URL";
    static final String DATASOURCE_URL = "spring.datasource.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !isDatabaseConfigured(context.getEnvironment());
    }

    static boolean isDatabaseConfigured(Environment environment) {
        return StringUtils.hasText(environment.getProperty(DATASOURCE_URL))
                || StringUtils.hasText(environment.getProperty(DATABASE_URL));
    }
}

package dev.ecscanary.controller.deployment.store;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;

/** Tells which unique constraint PostgreSQL refused a write by: its name, as the server reported it. */
final class UniqueViolation {

    /** PostgreSQL's SQLState for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {}

    /** True when {@code e} is PostgreSQL refusing a duplicate under the constraint (or unique index) {@code name}. */
    static boolean of(DuplicateKeyException e, String name) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return server != null && name.equals(server.getConstraint());
            }
        }
        return false;
    }
}

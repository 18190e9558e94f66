package dev.ecscanary.demo.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks table. Every read is one statement; writes return the stored row. */
@Repository
class TaskRepository {

    private static final String COLUMNS = "id, title, description, completed, created_at, updated_at";
    private static final RowMapper<Task> TASK = TaskRepository::mapTask;

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Task> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = ?")
                .param(id)
                .query(TASK)
                .optional();
    }

    /** Reads the row and locks it until the surrounding transaction ends. */
    Optional<Task> lockById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = ? FOR UPDATE")
                .param(id)
                .query(TASK)
                .optional();
    }

    Task insert(TaskDraft draft) {
        return jdbc.sql("INSERT INTO tasks (title, description, completed) VALUES (?, ?, ?) RETURNING " + COLUMNS)
                .params(draft.title(), draft.description(), draft.completed())
                .query(TASK)
                .single();
    }

    Optional<Task> replace(long id, TaskDraft draft) {
        return jdbc.sql(
                        "UPDATE tasks SET title = ?, description = ?, completed = ?, updated_at = now() WHERE id = ? RETURNING "
                                + COLUMNS)
                .params(draft.title(), draft.description(), draft.completed(), id)
                .query(TASK)
                .optional();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM tasks WHERE id = ?").param(id).update() == 1;
    }

    /** Up to {@code limit} tasks, newest first, optionally only (not) completed ones, strictly after {@code after}. */
    List<Task> newestFirst(Boolean completed, PageCursor after, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (completed != null) {
            conditions.add("completed = ?");
            params.add(completed);
        }
        if (after != null) {
            conditions.add("(created_at, id) < (?, ?)");
            params.add(after.createdAt().atOffset(ZoneOffset.UTC));
            params.add(after.id());
        }
        params.add(limit);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql("SELECT " + COLUMNS + " FROM tasks" + where + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(params)
                .query(TASK)
                .list();
    }

    /** Reads the columns by position, in the order of {@link #COLUMNS} (the list maps up to 501 rows a call). */
    private static Task mapTask(ResultSet row, int rowNumber) throws SQLException {
        return new Task(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getBoolean(4),
                row.getObject(5, OffsetDateTime.class).toInstant(),
                row.getObject(6, OffsetDateTime.class).toInstant());
    }
}

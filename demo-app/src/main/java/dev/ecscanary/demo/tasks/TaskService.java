package dev.ecscanary.demo.tasks;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tasks use cases. Input is validated in full before anything is written. */
@Service
class TaskService {

    static final int MAX_PAGE_SIZE = 500;

    private final TaskRepository repository;
    private final JsonMapper jsonMapper;

    TaskService(TaskRepository repository, JsonMapper jsonMapper) {
        this.repository = repository;
        this.jsonMapper = jsonMapper;
    }

    Task create(JsonNode document) {
        return repository.insert(TaskJsonReader.read(document));
    }

    Task get(long id) {
        return repository.findById(id).orElseThrow(() -> new TaskNotFoundException(id));
    }

    Task replace(long id, JsonNode document) {
        TaskDraft draft = TaskJsonReader.read(document);
        return repository.replace(id, draft).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** Applies an RFC 7396 merge patch to the stored task, under a row lock so concurrent patches serialize. */
    @Transactional
    Task patch(long id, JsonNode patch) {
        Task current = repository.lockById(id).orElseThrow(() -> new TaskNotFoundException(id));
        JsonNode patched = JsonMergePatch.apply(jsonMapper.valueToTree(current), patch);
        return repository.replace(id, TaskJsonReader.read(patched)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    void delete(long id) {
        if (!repository.delete(id)) {
            throw new TaskNotFoundException(id);
        }
    }

    /** One page of the newest-first list, and the cursor of the next one if there is more. */
    Slice list(Boolean completed, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_PAGE_SIZE + ", got " + limit);
        }
        PageCursor after = cursor == null || cursor.isEmpty() ? null : PageCursor.decode(cursor);
        List<Task> rows = repository.newestFirst(completed, after, limit + 1);
        if (rows.size() <= limit) {
            return new Slice(rows, null);
        }
        List<Task> page = rows.subList(0, limit);
        return new Slice(
                List.copyOf(page), PageCursor.after(page.get(limit - 1)).encode());
    }

    /** The rows of a page and the cursor of the next page (null on the last page). */
    record Slice(List<Task> items, String nextCursor) {}
}

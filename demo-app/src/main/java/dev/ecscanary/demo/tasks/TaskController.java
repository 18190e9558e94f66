package dev.ecscanary.demo.tasks;

import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The tasks REST API. Bodies are read as JSON trees so that every field error can be reported precisely. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    ResponseEntity<TaskPage> list(
            @RequestParam(required = false) Boolean completed,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        TaskService.Slice slice = tasks.list(completed, limit, cursor);
        if (slice.nextCursor() == null) {
            return ResponseEntity.ok(new TaskPage(slice.items(), limit, null, null));
        }
        URI next = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .queryParamIfPresent("completed", Optional.ofNullable(completed))
                .queryParam("limit", limit)
                .queryParam("cursor", slice.nextCursor())
                .build()
                .toUri();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(new TaskPage(slice.items(), limit, slice.nextCursor(), next.toString()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Task> create(@RequestBody JsonNode body) {
        Task created = tasks.create(body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    Task get(@PathVariable long id) {
        return tasks.get(id);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Task replace(@PathVariable long id, @RequestBody JsonNode body) {
        return tasks.replace(id, body);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    Task patch(@PathVariable long id, @RequestBody JsonNode patch) {
        return tasks.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        tasks.delete(id);
        return ResponseEntity.noContent().build();
    }
}

package dev.ecscanary.demo.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecscanary.demo.version.AppInfo;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load balancer's health check (ALB target groups and the task definition use it): 200 while the
 * database answers, 503 while it does not, so that a task that lost its database is taken out of service.
 */
@RestController
class HealthController {

    private final DatabaseProbe database;
    private final AppInfo appInfo;

    HealthController(DatabaseProbe database, AppInfo appInfo) {
        this.database = database;
        this.appInfo = appInfo;
    }

    @GetMapping("/health")
    ResponseEntity<HealthReport> health() {
        DatabaseState state = database.check();
        HttpStatus status = state.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(new HealthReport(state.status(), appInfo.version(), appInfo.image(), state));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HealthReport(String status, String version, String image, DatabaseState database) {}
}

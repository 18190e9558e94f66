package dev.ecscanary.controller.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, read-only: there is no endpoint that changes it. */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/deployments/{id}/audit")
    List<AuditEntry> forDeployment(@PathVariable UUID id) {
        return trail.forDeployment(id);
    }

    @GetMapping("/api/audit")
    List<AuditEntry> recent(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return trail.recent(limit);
    }
}

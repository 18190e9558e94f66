package dev.ecscanary.controller.api;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.config.AnalysisProperties;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentNotFoundException;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.security.Access;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST API CI calls: start a release, follow it, roll it back. */
@RestController
@RequestMapping("/api/deployments")
class DeploymentsController {

    private final Releases releases;
    private final AnalysisProperties analysis;
    private final Access access;

    DeploymentsController(Releases releases, AnalysisProperties analysis, Access access) {
        this.releases = releases;
        this.analysis = analysis;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<DeploymentView> start(
            @Valid @RequestBody ReleaseRequestBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200)
                    String idempotencyKey) {
        AuditDetails.service(body.service());
        access.checkDeploy(body.service(), body.environment());
        ImageReference image = ImageReference.tryParse(body.image())
                .orElseThrow(() -> new FieldProblem(
                        "image",
                        "must be an image reference of the form"
                                + " [registry/]repository:tag or [registry/]repository@sha256:digest"));
        ReleaseRequest request = new ReleaseRequest(
                body.service(),
                image,
                body.environment(),
                body.description(),
                body.commitSha(),
                body.runUrl(),
                Callers.current());
        Releases.Accepted accepted = releases.accept(request, idempotencyKey, body.hash());
        Deployment d = accepted.deployment();
        return ResponseEntity.accepted()
                .location(URI.create("/api/deployments/" + d.id()))
                .header("Idempotent-Replayed", Boolean.toString(accepted.replayed()))
                .body(DeploymentView.of(d, analysis));
    }

    @GetMapping("/{id}")
    DeploymentView get(@PathVariable UUID id) {
        return releases.find(id)
                .map(d -> DeploymentView.of(d, analysis))
                .orElseThrow(() -> new DeploymentNotFoundException(id));
    }

    @GetMapping
    List<DeploymentView> list(
            @RequestParam(required = false) @Size(max = 100) String service,
            @RequestParam(required = false) DeploymentStatus status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return releases.list(service, status, limit).stream()
                .map(d -> DeploymentView.of(d, analysis))
                .toList();
    }

    @PostMapping("/{id}/rollback")
    ResponseEntity<DeploymentView> rollBack(@PathVariable UUID id) {
        String service = releases.find(id)
                .orElseThrow(() -> new DeploymentNotFoundException(id))
                .service();
        AuditDetails.service(service);
        access.checkRollback(service);
        Deployment d = releases.rollBack(id, Callers.current());
        return ResponseEntity.accepted().body(DeploymentView.of(d, analysis));
    }
}

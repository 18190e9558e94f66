package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.audit.AuditDetails;
import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentFinishedException;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.Releases;
import dev.ecscanary.controller.deployment.StopState;
import dev.ecscanary.controller.security.Access;
import dev.ecscanary.controller.security.CurrentCaller;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live page of one deployment, and the operator's rollback form (confirmed, CSRF-protected; only operators may
 * post it, see {@code security.SecurityConfiguration}, and only for services their sign-in covers, see
 * {@code security.Access}). The rollback is recorded under the signed-in operator's name, and on the audit trail as
 * what it was: accepted, refused or failed.
 */
@Controller
class DeploymentPageController {

    private final Releases releases;
    private final DeploymentPageFactory pages;
    private final Pages html;
    private final Access access;

    DeploymentPageController(Releases releases, DeploymentPageFactory pages, Pages html, Access access) {
        this.releases = releases;
        this.pages = pages;
        this.html = html;
        this.access = access;
    }

    @GetMapping("/deployments/{id}")
    ResponseEntity<String> page(
            @PathVariable UUID id, @RequestParam(required = false) RollbackAnswer rollback, CsrfToken csrf) {
        Optional<Deployment> d = releases.find(id);
        if (d.isEmpty()) {
            return html.notFound("There is no deployment " + id + ".");
        }
        DeploymentPage.Notice notice = rollback == null ? null : rollback.notice();
        return html.ok("deployment", pages.build(d.get(), notice, form(id, csrf)));
    }

    /** Without JavaScript the rollback button leads here: the same question the page's dialog asks. */
    @GetMapping("/deployments/{id}/rollback")
    ResponseEntity<String> confirm(@PathVariable UUID id, CsrfToken csrf) {
        Optional<Deployment> d = releases.find(id);
        if (d.isEmpty()) {
            return html.notFound("There is no deployment " + id + ".");
        }
        if (!CurrentCaller.isOfferedRollback()) {
            return html.page(
                    HttpStatus.FORBIDDEN,
                    "not-found",
                    new Pages.NotFound(
                            "Only operators roll back",
                            "You are" + " signed in as " + CurrentCaller.display()
                                    + ", who may follow releases but not roll them back."));
        }
        return html.ok("rollback-confirm", pages.build(d.get(), null, form(id, csrf)));
    }

    @PostMapping("/deployments/{id}/rollback")
    ResponseEntity<Void> rollBack(@PathVariable UUID id) {
        Optional<Deployment> before = releases.find(id);
        if (before.isEmpty()) {
            AuditDetails.refused("there is no deployment " + id);
            return ResponseEntity.notFound().build();
        }
        AuditDetails.service(before.get().service());
        RollbackAnswer answer = attempt(before.get());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/deployments/" + id + "?rollback=" + answer.name()))
                .build();
    }

    private RollbackAnswer attempt(Deployment before) {
        try {
            access.checkRollback(before.service());
            return requested(before, releases.rollBack(before.id(), CurrentCaller.display()));
        } catch (Access.AccessRefusedException e) {
            return RollbackAnswer.NOT_ALLOWED.audit(e.getMessage());
        } catch (DeploymentFinishedException e) {
            return RollbackAnswer.FINISHED.audit(e.getMessage());
        } catch (ConcurrentChangeException e) {
            return RollbackAnswer.BUSY.audit(e.getMessage());
        } catch (AwsUnavailableException e) {
            return RollbackAnswer.UNAVAILABLE.audit(
                    "the stop is recorded but AWS did not answer (" + e.getMessage() + ")");
        }
    }

    /** What the accepted request did: nothing if a stop was already under way, a cancel if CodeDeploy had not begun. */
    private static RollbackAnswer requested(Deployment before, Deployment after) {
        if (before.stopState() != StopState.NONE || before.status() == DeploymentStatus.ROLLING_BACK) {
            return RollbackAnswer.ALREADY.audit("the release was already rolling back; nothing more was sent");
        }
        if (after.status() == DeploymentStatus.FAILED && after.codeDeployDeploymentId() == null) {
            return RollbackAnswer.CANCELLED.audit(after.reason());
        }
        return RollbackAnswer.REQUESTED.audit(after.reason());
    }

    /** The rollback form, for those the page offers it to: operators (and visitors yet to sign in). */
    private static DeploymentPage.RollbackForm form(UUID id, CsrfToken csrf) {
        if (!CurrentCaller.isOfferedRollback()) {
            return null;
        }
        return new DeploymentPage.RollbackForm(
                "/deployments/" + id + "/rollback", csrf.getParameterName(), csrf.getToken());
    }
}

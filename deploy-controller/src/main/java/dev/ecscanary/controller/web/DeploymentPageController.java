package dev.ecscanary.controller.web;

import dev.ecscanary.controller.aws.AwsUnavailableException;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentFinishedException;
import dev.ecscanary.controller.deployment.DeploymentNotFoundException;
import dev.ecscanary.controller.deployment.Releases;
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
 * post it, see {@code security.SecurityConfiguration}). The rollback is recorded under the signed-in operator's name.
 */
@Controller
class DeploymentPageController {

    private final Releases releases;
    private final DeploymentPageFactory pages;
    private final Pages html;

    DeploymentPageController(Releases releases, DeploymentPageFactory pages, Pages html) {
        this.releases = releases;
        this.pages = pages;
        this.html = html;
    }

    @GetMapping("/deployments/{id}")
    ResponseEntity<String> page(@PathVariable UUID id, @RequestParam(required = false) RollbackAnswer rollback,
                                CsrfToken csrf) {
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
        return html.ok("rollback-confirm", pages.build(d.get(), null, form(id, csrf)));
    }

    @PostMapping("/deployments/{id}/rollback")
    ResponseEntity<Void> rollBack(@PathVariable UUID id) {
        RollbackAnswer answer;
        try {
            releases.rollBack(id, CurrentCaller.display());
            answer = RollbackAnswer.REQUESTED;
        } catch (DeploymentNotFoundException e) {
            return ResponseEntity.notFound().build();
        } catch (DeploymentFinishedException e) {
            answer = RollbackAnswer.FINISHED;
        } catch (ConcurrentChangeException e) {
            answer = RollbackAnswer.BUSY;
        } catch (AwsUnavailableException e) {
            answer = RollbackAnswer.UNAVAILABLE;
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/deployments/" + id + "?rollback=" + answer.name()))
                .build();
    }

    private static DeploymentPage.RollbackForm form(UUID id, CsrfToken csrf) {
        return new DeploymentPage.RollbackForm("/deployments/" + id + "/rollback", csrf.getParameterName(), csrf.getToken());
    }

    /** What became of an operator's rollback, carried through the redirect to the page. */
    enum RollbackAnswer {
        REQUESTED("good", "Rollback requested: the controller asked CodeDeploy to stop the release"
                + " and move all traffic back. This page follows it."),
        FINISHED("warn", "Nothing was rolled back: the release had already finished."),
        BUSY("warn", "The controller was changing this release at that moment; nothing was sent. Try again."),
        UNAVAILABLE("bad", "AWS could not be reached; the rollback is recorded and the controller keeps trying.");

        private final String tone;
        private final String text;

        RollbackAnswer(String tone, String text) {
            this.tone = tone;
            this.text = text;
        }

        DeploymentPage.Notice notice() {
            return new DeploymentPage.Notice(tone, text);
        }
    }
}

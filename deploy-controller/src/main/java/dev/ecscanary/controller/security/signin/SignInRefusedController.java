package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.security.SignInRefusal;
import dev.ecscanary.controller.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a refused OpenID Connect sign-in lands: which check of the identity provider's answer failed, in words
 * (the sentence comes from {@link SignInRefusal} through the session), and the way back to try again.
 */
@Controller
class SignInRefusedController {

    private final Pages html;

    SignInRefusedController(Pages html) {
        this.html = html;
    }

    @GetMapping("/login/refused")
    ResponseEntity<String> refused(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object reason = session == null ? null : session.getAttribute(SignInRefusal.SESSION_ATTRIBUTE);
        return html.page(
                HttpStatus.FORBIDDEN,
                "not-found",
                new Pages.NotFound("Sign-in refused", reason == null ? "The sign-in was refused." : reason.toString()));
    }
}

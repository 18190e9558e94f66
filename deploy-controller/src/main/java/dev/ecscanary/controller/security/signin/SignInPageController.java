package dev.ecscanary.controller.security.signin;

import dev.ecscanary.controller.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, in the site's look: a button per OpenID Connect provider, and (where {@code login.token-form} is
 * on, as in the rehearsal) a form for an API token. Spring Security handles the form's post to {@code /login}, and
 * comes back here with {@code ?error} when the token was refused and with {@code ?logout} after signing out;
 * {@code ?ended} is where a form posted from a page whose session had ended lands (nothing was done).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // where security.SecurityConfiguration is
class SignInPageController {

    private final SignInOptions options;
    private final Pages html;

    SignInPageController(SignInOptions options, Pages html) {
        this.options = options;
        this.html = html;
    }

    /** The model of the sign-in page. */
    record SignInPage(
            String title,
            boolean tokenForm,
            List<SignInOptions.Provider> providers,
            boolean any,
            boolean error,
            boolean signedOut,
            boolean sessionEnded,
            String csrfParameter,
            String csrfToken) {

        /** Signing out ends the session here, not the one at the OpenID Connect provider. */
        public boolean providerSessionNote() {
            return signedOut && !providers.isEmpty();
        }
    }

    /** {@code ?error}, {@code ?logout} and {@code ?ended} come without a value, as Spring Security sends them. */
    @GetMapping("/login")
    ResponseEntity<String> signIn(HttpServletRequest request, CsrfToken csrf) {
        Map<String, String[]> query = request.getParameterMap();
        return html.ok(
                "sign-in",
                new SignInPage(
                        "Sign in",
                        options.tokenForm(),
                        options.providers(),
                        options.any(),
                        query.containsKey("error"),
                        query.containsKey("logout"),
                        query.containsKey("ended"),
                        csrf.getParameterName(),
                        csrf.getToken()));
    }
}

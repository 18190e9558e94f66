package dev.ecscanary.controller.security.limits;

import dev.ecscanary.controller.problem.ProblemType;
import dev.ecscanary.controller.security.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any credential is looked at: an address whose credentials were refused too often in the last minute gets a
 * 429 unread, so guessing tokens, flooding the issuer's JWKS with unknown key ids or filling the audit trail with
 * refusals costs the sender, not the controller. Counts the refusals the wrapped entry point answers.
 */
public final class FailedAuthenticationGuard extends OncePerRequestFilter {

    private final RateLimiter failures;

    public FailedAuthenticationGuard(int perMinute) {
        this.failures = new RateLimiter(perMinute, System::nanoTime);
    }

    /** The entry point that answers a refused credential, counting it against the sender's address. */
    public AuthenticationEntryPoint counting(AuthenticationEntryPoint entryPoint) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            failures.tryAcquire(request.getRemoteAddr());
            entryPoint.commence(request, response, e);
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (failures.isExhausted(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            SecurityProblems.write(
                    request,
                    response,
                    ProblemType.TOO_MANY_REFUSED_CREDENTIALS,
                    "too many refused credentials from " + request.getRemoteAddr()
                            + " in the last minute; retry after 60s");
            return;
        }
        chain.doFilter(request, response);
    }
}

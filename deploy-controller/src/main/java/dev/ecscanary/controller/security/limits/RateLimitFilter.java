package dev.ecscanary.controller.security.limits;

import dev.ecscanary.controller.problem.ProblemType;
import dev.ecscanary.controller.security.Caller;
import dev.ecscanary.controller.security.CurrentCaller;
import dev.ecscanary.controller.security.SecurityProblems;
import dev.ecscanary.controller.security.SecurityProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller budgets: one for changes (deploy, rollback, tokens, form posts), one for reads. Over budget is a 429
 * problem with {@code Retry-After}. A caller is its identity once authenticated, else its remote address.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimiter mutations;
    private final RateLimiter reads;

    public RateLimitFilter(SecurityProperties.RateLimits limits) {
        this.mutations = new RateLimiter(limits.mutationsPerMinute(), System::nanoTime);
        this.reads = new RateLimiter(limits.readsPerMinute(), System::nanoTime);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = CurrentCaller.get();
        String key = caller.kind() == Caller.Kind.ANONYMOUS ? "address:" + request.getRemoteAddr() : caller.display();
        boolean read = READS.contains(request.getMethod());
        long retryAfter = (read ? reads : mutations).tryAcquire(key);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            SecurityProblems.write(
                    request,
                    response,
                    ProblemType.RATE_LIMITED,
                    "more than the " + (read ? "reads" : "changes") + " per minute allowed for " + caller.display()
                            + "; retry after " + retryAfter + "s");
            return;
        }
        chain.doFilter(request, response);
    }
}

package dev.ecscanary.controller.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.security.SecurityProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Token buckets per caller, on a clock the test moves; and the 429 the filter answers with. */
class RateLimiterTest {

    final AtomicLong nanos = new AtomicLong();
    final RateLimiter limiter = new RateLimiter(6, nanos::get); // a burst of 6, then one every 10 s

    @Test
    void aBurstUpToTheBudgetPassesThenTheNextWaitsForItsRefill() {
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.tryAcquire("token:ci")).isZero();
        }
        assertThat(limiter.tryAcquire("token:ci")).isEqualTo(10);
        nanos.addAndGet(4_000_000_000L);
        assertThat(limiter.tryAcquire("token:ci")).isEqualTo(6);
        nanos.addAndGet(6_000_000_000L);
        assertThat(limiter.tryAcquire("token:ci")).isZero();
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        for (int i = 0; i < 6; i++) {
            limiter.tryAcquire("token:noisy");
        }
        assertThat(limiter.tryAcquire("token:noisy")).isPositive();
        assertThat(limiter.tryAcquire("token:quiet")).isZero();
    }

    @Test
    void overBudgetIsA429ProblemWithRetryAfter() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new SecurityProperties.RateLimits(1, 100, 30));
        MockHttpServletResponse first = post(filter);
        MockHttpServletResponse second = post(filter);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(second.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(second.getContentType()).startsWith("application/problem+json");
        assertThat(second.getContentAsString()).contains("urn:ecs-canary:problem:rate-limited");
    }

    @Test
    void anAddressWhoseCredentialsKeepFailingIsRefusedBeforeTheyAreRead() throws Exception {
        FailedAuthenticationGuard guard = new FailedAuthenticationGuard(2);
        var entryPoint = guard.counting((request, response, e) -> response.setStatus(401));
        for (int i = 0; i < 2; i++) {
            entryPoint.commence(request("192.0.2.7"), new MockHttpServletResponse(), null);
        }
        MockFilterChain reached = new MockFilterChain();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        guard.doFilter(request("192.0.2.7"), refused, reached);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(reached.getRequest()).as("the credential was not looked at").isNull();

        MockFilterChain other = new MockFilterChain();
        guard.doFilter(request("198.51.100.1"), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).as("another address is not held to it").isNotNull();
    }

    private static MockHttpServletRequest request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/deployments");
        request.setRemoteAddr(address);
        return request;
    }

    private static MockHttpServletResponse post(RateLimitFilter filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/deployments");
        request.setRemoteAddr("192.0.2.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}

package dev.ecscanary.controller.security;

import dev.ecscanary.controller.audit.AuditTrail;
import dev.ecscanary.controller.security.github.ClaimPolicy;
import dev.ecscanary.controller.security.github.GitHubCallers;
import dev.ecscanary.controller.security.github.GitHubTokenDecoder;
import dev.ecscanary.controller.security.limits.BodyLimitFilter;
import dev.ecscanary.controller.security.limits.FailedAuthenticationGuard;
import dev.ecscanary.controller.security.limits.RateLimitFilter;
import dev.ecscanary.controller.security.signin.PageAccessDenied;
import dev.ecscanary.controller.security.signin.Roles;
import dev.ecscanary.controller.security.signin.SignInOptions;
import dev.ecscanary.controller.security.signin.SignInOutcomes;
import dev.ecscanary.controller.security.signin.SignOutOutcome;
import dev.ecscanary.controller.security.signin.TokenFormLogin;
import dev.ecscanary.controller.security.tokens.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The one place that says who may do what. Two chains:
 * <ul>
 * <li>the API and actuator ({@code /api/**} but the event streams, {@code /actuator/**}): stateless, bearer tokens
 *     only (GitHub Actions ID tokens and API tokens), never a cookie, so there is nothing for CSRF to ride on;</li>
 * <li>the status page and its event streams: a session from signing in (OpenID Connect, or an API token where
 *     {@code login.token-form} is on) that signing out ends, CSRF on every form post, viewers read and only
 *     operators post.</li>
 * </ul>
 * Both: problem+json refusals, per-caller rate limits, bounded bodies, every change on the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    public static final String SIGN_IN_PAGE = "/login";
    /** Where the page's sign-out form posts (Spring Security's logout). */
    public static final String SIGN_OUT = "/logout";

    private final SecurityProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean loginConfigured;
    private final SignInOptions signIn;
    private final RateLimitFilter rateLimits;
    private final String sessionCookie;

    SecurityConfiguration(
            SecurityProperties properties,
            AuditTrail audit,
            Clock clock,
            Environment environment,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.loginConfigured = registrations.getIfAvailable() != null;
        this.signIn = SignInOptions.of(properties.login().tokenForm(), registrations.getIfAvailable());
        this.rateLimits = new RateLimitFilter(properties.rateLimits());
        this.sessionCookie = environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID");
        AuthenticationRequirement.check(
                properties,
                loginConfigured || properties.login().tokenForm(),
                environment.matchesProfiles("rehearsal"),
                environment.getProperty("server.address"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ClaimPolicy policy) throws Exception {
        JwtAuthenticationProvider jwt = null;
        if (properties.oidc().enabled()) {
            jwt = new JwtAuthenticationProvider(GitHubTokenDecoder.build(properties.oidc()));
            jwt.setJwtAuthenticationConverter(new GitHubCallers(policy));
        }
        BearerAuthentication bearer = new BearerAuthentication(jwt, tokens);
        FailedAuthenticationGuard guard =
                new FailedAuthenticationGuard(properties.rateLimits().failedAuthenticationsPerMinute());
        var unauthenticated = guard.counting(SecurityProblems.unauthenticated());
        http.securityMatcher(SecurityConfiguration::isApi)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(SecurityProblems.forbidden()))
                .headers(h -> h.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/api/tokens", "/api/tokens/**")
                                .hasAuthority(Scope.ADMIN.authority())
                                .requestMatchers(HttpMethod.POST, "/api/deployments")
                                .hasAuthority(Scope.DEPLOY.authority())
                                .requestMatchers(HttpMethod.POST, "/api/deployments/*/rollback")
                                .hasAuthority(Scope.ROLLBACK.authority())
                                .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                                .hasAuthority(Scope.READ.authority())
                                .anyRequest()
                                .authenticated())
                .addFilterAfter(new AuditFilter(audit, clock), SecurityContextHolderFilter.class)
                .addFilterBefore(guard, AuditFilter.class)
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class)
                // after the caller is known and counted, so a 413 is on the audit trail under the caller's name
                .addFilterAfter(new BodyLimitFilter(properties.maxBodyBytes()), RateLimitFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain page(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers(
                                    "/login",
                                    "/login/**",
                                    "/oauth2/**",
                                    "/error",
                                    "/favicon.ico",
                                    "/favicon.svg",
                                    "/css/**",
                                    "/js/**",
                                    "/images/**")
                            .permitAll();
                    if (properties.publicRead()) {
                        a.requestMatchers(HttpMethod.GET, "/**").permitAll();
                    } else {
                        a.requestMatchers(HttpMethod.GET, "/**").hasAnyRole("viewer", "operator");
                    }
                    a.anyRequest().hasRole("operator");
                })
                .csrf(csrf -> {}) // on for every form post of the page, the default
                .exceptionHandling(e -> e.accessDeniedHandler(new PageAccessDenied(signIn.any())))
                // Signing out ends the session: invalidated, its sign-in and CSRF token cleared, its cookie deleted.
                .logout(logout -> logout.logoutUrl(SIGN_OUT)
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(sessionCookie)
                        .logoutSuccessHandler(new SignOutOutcome()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .addFilterAfter(new AuditFilter(audit, clock), SecurityContextHolderFilter.class)
                // before the CSRF filter and the sign-in form read parameters from the body; after the audit filter
                .addFilterBefore(new BodyLimitFilter(properties.maxBodyBytes()), CsrfFilter.class)
                .addFilterBefore(rateLimits, AuthorizationFilter.class);
        // One sign-in page of our own (signin.SignInPageController) for both ways in, not Spring's generated one.
        if (loginConfigured) {
            SignInOutcomes outcomes = new SignInOutcomes(audit, clock);
            http.oauth2Login(login -> login.loginPage(SIGN_IN_PAGE)
                    .userInfoEndpoint(u -> u.userAuthoritiesMapper(new Roles(properties.login())))
                    .successHandler(outcomes)
                    .failureHandler(outcomes));
        }
        if (properties.login().tokenForm()) {
            http.formLogin(form -> form.loginPage(SIGN_IN_PAGE).passwordParameter("token"))
                    .authenticationProvider(new TokenFormLogin(tokens));
        }
        if (!loginConfigured && !properties.login().tokenForm()) {
            http.exceptionHandling(e -> e.authenticationEntryPoint(SecurityProblems.unauthenticated()));
        }
        return http.build();
    }

    /** What the sign-in page offers. */
    @Bean
    SignInOptions signInOptions() {
        return signIn;
    }

    /** No user store: people sign in through OpenID Connect or with a token; this keeps Boot from making a password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        return (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator"))
                && !path.endsWith("/events");
    }
}

package dev.ecscanary.controller.security;

import jakarta.servlet.http.HttpServletRequest;

/** The scope a request needs, by method and path: the same table the filter chain enforces. */
final class RequiredScope {

    private RequiredScope() {}

    static Scope of(HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (path.startsWith("/api/tokens")) {
            return Scope.ADMIN;
        }
        if (path.endsWith("/rollback")) {
            return Scope.ROLLBACK;
        }
        if (method.equals("POST") && path.equals("/api/deployments")) {
            return Scope.DEPLOY;
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            return Scope.READ;
        }
        return null;
    }
}

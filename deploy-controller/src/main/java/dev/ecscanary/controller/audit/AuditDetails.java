package dev.ecscanary.controller.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What only the handler knows about a request, noted for its audit entry: the service, what was done, and (where the
 * answer's status does not tell, as with a redirect back to a page) whether it was refused or failed, and why.
 */
public final class AuditDetails {

    public static final String SERVICE = AuditDetails.class.getName() + ".service";
    public static final String NOTE = AuditDetails.class.getName() + ".note";
    public static final String REASON = AuditDetails.class.getName() + ".reason";
    public static final String OUTCOME = AuditDetails.class.getName() + ".outcome";

    private AuditDetails() {}

    public static void service(String service) {
        set(SERVICE, service);
    }

    /** A sentence for the audit entry of a successful request, e.g. which token was created. Never a secret. */
    public static void note(String note) {
        set(NOTE, note);
    }

    /** Why the request was refused; set where the problem+json answer is written. */
    public static void reason(HttpServletRequest request, String reason) {
        request.setAttribute(REASON, reason);
    }

    /** The request was refused although its answer is not a 4xx (e.g. a form answered with a redirect). */
    public static void refused(String reason) {
        set(OUTCOME, "REFUSED");
        set(REASON, reason);
    }

    /** The request failed although its answer is not a 5xx (e.g. a form answered with a redirect). */
    public static void failed(String reason) {
        set(OUTCOME, "FAILED");
        set(REASON, reason);
    }

    private static void set(String name, String value) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

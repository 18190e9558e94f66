package dev.ecscanary.controller.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem as {@code application/problem+json} where Spring MVC does not (servlet filters, Spring Security's
 * entry points): the members in RFC 9457's order, then the extension members.
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {}

    /**
     * @param instance the request's path as the client sent it; taken as text because a raw path need not be a
     *     valid {@link java.net.URI}, and a refusal must not fail on it
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, String instance) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(JSON.writeValueAsString(members(problem, instance)));
    }

    static Map<String, Object> members(ProblemDetail problem, String instance) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        members.put("instance", instance);
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }
}

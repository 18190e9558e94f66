package dev.ecscanary.controller.fakes;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API tokens of the test profile ({@code application-test.yml}, stored there by SHA-256): each test request says
 * who sends it, as CI and operators do.
 */
public final class TestCallers {

    /** deploy and read, like a CI workflow */
    public static final String CI = "test-ci-token";
    /** deploy, roll back and read */
    public static final String OPERATOR = "test-operator-token";
    /** read only */
    public static final String READER = "test-reader-token";
    /** manages tokens, reads */
    public static final String ADMIN = "test-admin-token";

    private TestCallers() {}

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    public static RequestPostProcessor ci() {
        return bearer(CI);
    }

    public static RequestPostProcessor operator() {
        return bearer(OPERATOR);
    }

    public static RequestPostProcessor reader() {
        return bearer(READER);
    }
}

package dev.ecscanary.controller.api;

import dev.ecscanary.controller.security.CurrentCaller;

/**
 * Who is calling, as the deployment record names it: {@code github:owner/repo@refs/heads/main run 123},
 * {@code token:ci-bot} or {@code user:alice}.
 */
final class Callers {

    private Callers() {}

    static String current() {
        return CurrentCaller.display();
    }
}

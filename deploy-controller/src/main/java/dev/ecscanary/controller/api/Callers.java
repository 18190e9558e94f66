package dev.ecscanary.controller.api;

/** Who is calling. Until callers authenticate, every call is on the record as {@code anonymous}. */
final class Callers {

    private Callers() {
    }

    static String current() {
        return "anonymous";
    }
}

package dev.ecscanary.controller.revision;

/** A template that does not compile, lacks a value, or renders to something invalid. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.ecscanary.controller.wire;

/** Escapes text for the awsQuery protocol's XML answers. */
final class Xml {

    private Xml() {}

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&apos;");
    }
}

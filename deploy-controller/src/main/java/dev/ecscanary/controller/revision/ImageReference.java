package dev.ecscanary.controller.revision;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference checked against the OCI distribution grammar:
 * {@code [registry[:port]/]path[:tag][@algorithm:digest]}, lower-case path components, at most 255 characters of name.
 *
 * @param repository the registry and path, without tag or digest; what allow-lists name
 */
public record ImageReference(String value, String repository, String tag, String digest) {

    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final Pattern REFERENCE =
            Pattern.compile("(?<name>(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
                    + "(?::(?<tag>[\\w][\\w.-]{0,127}))?"
                    + "(?:@(?<digest>[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}))?");
    private static final int MAX_NAME_LENGTH = 255;

    /** Parses a reference, or says what is wrong with it. */
    public static ImageReference parse(String value) {
        return tryParse(value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + value + "' is not an image reference of the form [registry/]repository[:tag][@digest]"
                                + " with a tag or a digest"));
    }

    public static Optional<ImageReference> tryParse(String value) {
        if (value == null || value.length() > 1024) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(value);
        if (!m.matches() || m.group("name").length() > MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        if (m.group("tag") == null && m.group("digest") == null) {
            return Optional.empty(); // "latest" by omission is not a release anyone can trace
        }
        return Optional.of(new ImageReference(value, m.group("name"), m.group("tag"), m.group("digest")));
    }

    /** The tag, else the digest: what identifies the version in a task definition and on the status page. */
    public String version() {
        return tag != null ? tag : digest;
    }
}

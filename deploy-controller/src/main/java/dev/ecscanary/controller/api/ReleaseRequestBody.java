package dev.ecscanary.controller.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/** The body of {@code POST /api/deployments}. */
record ReleaseRequestBody(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "must be a service name")
        String service,

        @NotBlank @Size(max = 1024) String image,

        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "must be an environment name")
        String environment,

        @Size(max = 1000) String description,

        @Pattern(regexp = "[0-9a-f]{7,64}", message = "must be a hexadecimal commit id of 7 to 64 characters")
        String commitSha,

        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String runUrl) {

    /** A hash of everything the request asks for, to tell a retry from a different request under one idempotency key. */
    String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Stream.of(service, image, environment, description, commitSha, runUrl)
                    .map(v -> Objects.toString(v, "\u0000") + "\u001f")
                    .forEach(v -> sha.update(v.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

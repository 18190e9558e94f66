package dev.ecscanary.localaws.support;

import dev.ecscanary.localaws.process.ChildProcesses;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real deploy controller jar, as the rehearsal starts it (rehearsal profile, real SDK clients pointed at the
 * local AWS), but also accepting GitHub Actions ID tokens: its OIDC issuer, key set and audience are the stand-in's,
 * a policy rule lets {@code acme/shop} on {@code refs/heads/main} release {@code demo-app} to {@code rehearsal},
 * and no clock skew is allowed, so a token is refused the second it expires. It keeps its records in its own
 * embedded PostgreSQL, started empty: an earlier run's release must not answer for this one.
 */
public final class OidcControllerProcess implements AutoCloseable {

    public static final String AUDIENCE = "https://deploy.rehearsal.example";

    private final ChildProcesses children;
    private final int port = freePort();
    private Process process;

    private OidcControllerProcess(ChildProcesses children) {
        this.children = children;
    }

    public static OidcControllerProcess start(Path jar, String awsEndpoint, String issuer, Path stateDir)
            throws Exception {
        ChildProcesses children = new ChildProcesses(stateDir);
        children.start(); // stops whatever an earlier run left, before its records are deleted
        deleteRecursively(stateDir.resolve("controller-pg"));
        OidcControllerProcess controller = new OidcControllerProcess(children);
        try {
            controller.launch(jar, awsEndpoint, issuer, stateDir);
            return controller;
        } catch (Exception | Error e) {
            controller.close();
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void launch(Path jar, String awsEndpoint, String issuer, Path stateDir) throws Exception {
        String settings = """
                {"controller": {"security": {
                  "oidc": {"issuer": "%s", "jwks-uri": "%s/.well-known/jwks", "audience": "%s", "clock-skew": "0s"},
                  "policy": [{"name": "shop-main", "match": {"repository": "%s", "ref": "%s"},
                              "services": ["demo-app"], "environments": ["rehearsal"]}]}}}
                """.formatted(issuer, issuer, AUDIENCE, GitHubOidcStandIn.REPOSITORY, GitHubOidcStandIn.REF);
        Map<String, String> environment = Map.of(
                "CONTROLLER_AWS_ENDPOINT",
                awsEndpoint,
                "AWS_ACCESS_KEY_ID",
                "rehearsal",
                "AWS_SECRET_ACCESS_KEY",
                "rehearsal",
                "AWS_REGION",
                "eu-central-1",
                "SPRING_PROFILES_ACTIVE",
                "rehearsal",
                "SPRING_APPLICATION_JSON",
                settings,
                "CONTROLLER_STORE_EMBEDDED_DATA_DIR",
                stateDir.resolve("controller-pg").toString(),
                "PORT",
                String.valueOf(port));
        String java = ProcessHandle.current().info().command().orElse("java");
        process = children.launch(
                "deploy-controller",
                List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()),
                environment,
                new File("."));
        awaitUp(Duration.ofSeconds(180));
    }

    private void awaitUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the controller exited with code " + process.exitValue() + ": "
                            + Files.readString(children.logFile("deploy-controller")));
                }
                try {
                    HttpResponse<String> health = client.send(
                            HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("UP")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the controller did not report UP within " + timeout + "; see "
                + children.logFile("deploy-controller"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        children.close();
    }
}

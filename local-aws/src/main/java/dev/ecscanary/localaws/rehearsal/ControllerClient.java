package dev.ecscanary.localaws.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The deploy controller's REST API as CI uses it: release an image, then follow the release to its verdict. */
public final class ControllerClient {

    /** The controller's terminal release statuses. */
    public static final Set<String> TERMINAL = Set.of("SUCCEEDED", "ROLLED_BACK", "FAILED");

    /**
     * The rehearsal's CI token (deploy and read): the controller's rehearsal profile accepts it, on loopback only.
     * {@code rehearsal-operator} may also roll back.
     */
    public static final String CI_TOKEN = "rehearsal-ci";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public ControllerClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST /api/deployments; returns the controller's deployment id. */
    public String release(String image) {
        String body = "{\"service\":\"demo-app\",\"image\":\"" + image
                + "\",\"environment\":\"rehearsal\",\"description\":\"rehearsal of " + image + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/deployments"))
                .header("Authorization", "Bearer " + CI_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "release of " + image + " was not accepted: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    public JsonNode deployment(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/deployments/" + id))
                .header("Authorization", "Bearer " + CI_TOKEN)
                .GET()
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET deployment " + id + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Follows the release until it reaches one of {@code statuses} or a terminal status. */
    public JsonNode awaitStatus(String id, Set<String> statuses, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode deployment = deployment(id);
            String status = deployment.get("status").asString();
            if (statuses.contains(status) || TERMINAL.contains(status)) {
                return deployment;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("release " + id + " still " + status + " after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the controller did not answer " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

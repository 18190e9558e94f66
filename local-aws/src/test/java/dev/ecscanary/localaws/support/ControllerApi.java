package dev.ecscanary.localaws.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The deploy controller's REST API as CI uses it: release an image, then follow the release to its verdict. */
public final class ControllerApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public ControllerApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST /api/deployments; returns the controller's deployment id. */
    public String release(String image) {
        String body = "{\"service\":\"demo-app\",\"image\":\"" + image + "\",\"environment\":\"rehearsal\",\"description\":\"e2e " + image + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/deployments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 202) {
            throw new AssertionError("release of " + image + " was not accepted: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    public JsonNode deployment(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/deployments/" + id)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET deployment " + id + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public JsonNode awaitStatus(String id, Set<String> statuses, Duration timeout) {
        return Eventually.await(timeout, () -> deployment(id), d -> statuses.contains(d.get("status").asString())
                || Set.of("SUCCEEDED", "ROLLED_BACK", "FAILED").contains(d.get("status").asString()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the controller did not answer " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

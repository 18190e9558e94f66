package dev.ecscanary.conformance;

import dev.ecscanary.localaws.LocalAws;
import dev.ecscanary.localaws.LocalAwsSettings;
import dev.ecscanary.localaws.clock.TimeScale;
import dev.ecscanary.localaws.support.InJvmTaskLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A local AWS in this JVM with the blue task set of {@code demo-app:1.0.0} healthy (tasks are in-JVM stand-ins),
 * reached only over HTTP by the clients under test, as the controller reaches it.
 */
final class LocalAwsUnderTest implements AutoCloseable {

    final LocalAws aws;
    final URI endpoint;

    private LocalAwsUnderTest(LocalAws aws) {
        this.aws = aws;
        this.endpoint = URI.create(aws.endpoint());
    }

    static LocalAwsUnderTest start() throws Exception {
        LocalAws aws = new LocalAws(new LocalAwsSettings(0, 0, 0, new TimeScale(60), 1, false), new InJvmTaskLauncher())
                .start();
        aws.bootstrap("demo-app:1.0.0");
        return new LocalAwsUnderTest(aws);
    }

    /** Arms a fault through the admin API, as a tester would with curl. */
    void throttle(String operation, int count) {
        String body = "{\"operation\":\"" + operation + "\",\"kind\":\"throttle\",\"count\":" + count + "}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/_local/faults"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("arming the fault failed: " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        aws.close();
    }
}

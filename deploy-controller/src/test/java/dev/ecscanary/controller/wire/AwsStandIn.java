package dev.ecscanary.controller.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;

/**
 * CodeDeploy, ECS, CloudWatch and ELBv2 on their SDK 2.40.2 wire protocols, in one WireMock server on loopback: a
 * stateful stand-in for AWS that tests and the detection benchmark drive through {@link #world()} and
 * {@link #faults()}. Point {@code controller.aws.endpoint} at {@link #url()}.
 */
public final class AwsStandIn implements AutoCloseable {

    private final WireMockServer server;
    private final StandInWorld world;
    private final WireFaults faults = new WireFaults();
    private final StandInTransformer transformer;

    private AwsStandIn(Clock clock, boolean recordRequests, int threads) {
        this.world = new StandInWorld(clock);
        this.transformer = new StandInTransformer(world, faults);
        WireMockConfiguration config = wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(threads)
                .gzipDisabled(true)
                .stubRequestLoggingDisabled(true)
                .extensions(transformer);
        if (!recordRequests) {
            config.disableRequestJournal();
        }
        this.server = new WireMockServer(config);
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    /** For tests: WireMock keeps every request, so tests can {@code verify} what the controller sent. */
    public static AwsStandIn forTests(Clock clock) {
        return new AwsStandIn(clock, true, 40);
    }

    /** For the benchmark: no request journal (it would grow without bound), more threads. */
    public static AwsStandIn forBenchmark(Clock clock, int threads) {
        return new AwsStandIn(clock, false, threads);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public StandInWorld world() {
        return world;
    }

    public WireFaults faults() {
        return faults;
    }

    public WireMockServer server() {
        return server;
    }

    /** Requests of an AWS operation received since the last {@link #reset()}, faulted ones included. */
    public long received(String operation) {
        return transformer.received(operation);
    }

    /** Empties the world (services stay), heals all faults and forgets the requests received. */
    public void reset() {
        faults.clear();
        world.reset();
        transformer.forgetReceived();
        server.resetRequests();
    }

    @Override
    public void close() {
        faults.clear();
        server.stop();
    }
}

package dev.ecscanary.controller.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.revision.ImageReference;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** New viewers of a busy release share one snapshot per version; a new state replaces it; only recent ones are kept. */
class LatestStatesTest {

    @Test
    void manyViewersOfOneVersionShareOneSnapshotUntilANewStateComes() {
        LatestStates latest = new LatestStates(8);
        Deployment d = release();
        latest.update(d);
        AtomicInteger renders = new AtomicInteger();
        Function<Deployment, StreamFrame> render = x -> {
            renders.incrementAndGet();
            return new StreamFrame(x.version(), "deployment", "{\"render\":" + renders.get() + "}");
        };

        StreamFrame first = latest.snapshot(d, render);
        StreamFrame second = latest.snapshot(d, render);
        latest.update(d.snapshot()); // the next committed state
        StreamFrame third = latest.snapshot(d, render);

        assertThat(second).isSameAs(first);
        assertThat(new String(third.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("data:{\"render\":2}");
        assertThat(renders).hasValue(2);
        assertThat(latest.find(d.id())).isPresent();
    }

    @Test
    void onlyTheMostRecentlyChangedDeploymentsAreKept() {
        LatestStates latest = new LatestStates(2);
        Deployment a = release();
        Deployment b = release();
        Deployment c = release();
        latest.update(a);
        latest.update(b);
        latest.update(c);

        assertThat(latest.find(a.id())).isEmpty();
        assertThat(latest.find(b.id())).isPresent();
        assertThat(latest.find(c.id())).isPresent();
    }

    private static Deployment release() {
        return Deployment.accept(
                new ReleaseRequest(
                        "demo-app",
                        ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0"),
                        null,
                        null,
                        null,
                        null,
                        "test"),
                InconclusivePolicy.ROLL_BACK,
                Instant.parse("2026-11-23T10:00:00Z"));
    }
}

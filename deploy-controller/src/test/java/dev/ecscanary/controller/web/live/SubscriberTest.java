package dev.ecscanary.controller.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** One viewer's stream: frames in order, each once, written by the publisher; a slow client only delays itself. */
class SubscriberTest {

    private final EventStream stream = EventStream.numbered(64, 1);
    private final RecordingConnection client = new RecordingConnection();

    @Test
    void theOpeningAndTheFirstFramesGoOutWhenTheConnectionOpensThenEachFrameAsItIsPublished() {
        Subscriber subscriber = joined(16);
        subscriber.start(List.of(), 1000, false);
        assertThat(client.flushes)
                .as("nothing before the container's first callback")
                .isEmpty();

        client.open();
        stream.publish(frame(1));
        stream.publish(frame(2));

        assertThat(client.flushes).hasSize(3);
        assertThat(client.flushes.getFirst()).isEqualTo("retry:1000\n:connected\n\n");
        assertThat(client.ids()).containsExactly(1L, 2L);
    }

    @Test
    void framesPublishedBeforeTheStreamOpensFollowTheSnapshotAndThoseItCoversAreSkipped() {
        Subscriber subscriber = joined(16);
        stream.publish(frame(1)); // already in the snapshot below
        stream.publish(frame(2));
        subscriber.start(List.of(new StreamFrame(1, "snapshot", "{}")), 1000, false);
        client.open();

        assertThat(client.ids()).containsExactly(1L, 2L);
        assertThat(client.text()).containsSubsequence("event:snapshot", "id:2\nevent:deployment");
    }

    @Test
    void aClientThatCannotTakeMoreGetsItsBacklogInOrderInOneFlushWhenItCanAndNoneTwice() {
        Subscriber subscriber = started(16);
        stream.publish(frame(1));
        client.stall();
        for (long id = 2; id <= 5; id++) {
            stream.publish(frame(id));
        }
        subscriber.offer(frame(3)); // a repeat of a frame already queued must not go out twice
        int before = client.flushes.size();

        client.drained();

        assertThat(client.ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(client.flushes).as("the backlog of four in one flush").hasSize(before + 1);
        assertThat(subscriber.isOpen()).isTrue();
    }

    @Test
    void aClientTooFarBehindIsDroppedAndItsConnectionEnded() {
        Subscriber subscriber = started(4);
        client.stall();
        for (long id = 1; id <= 5; id++) {
            stream.publish(frame(id));
        }

        assertThat(subscriber.isOpen()).isFalse();
        assertThat(stream.subscribers()).isZero();
        assertThat(client.completed()).isTrue();
    }

    @Test
    void aFinishedStreamEndsAfterTheFramesQueuedBeforeItsEnd() {
        Subscriber subscriber = started(16);
        client.stall();
        stream.publish(frame(1));
        stream.finish();
        assertThat(client.completed()).as("not before the last frame went out").isFalse();

        client.drained();

        assertThat(client.text())
                .endsWith("id:1\nevent:deployment\ndata:{\"n\":1}\n\nevent:end\ndata:{\"kind\":\"end\"}\n\n");
        assertThat(client.completed()).isTrue();
        assertThat(subscriber.isOpen()).isFalse();
    }

    @Test
    void aStreamStartedAfterItsDeploymentFinishedEndsAfterItsFirstFrames() {
        Subscriber subscriber = joined(16);
        subscriber.start(List.of(new StreamFrame(7, "deployment", "{}")), 1000, true);
        client.open();

        assertThat(client.ids()).containsExactly(7L);
        assertThat(client.text()).endsWith("event:end\ndata:{\"kind\":\"end\"}\n\n");
        assertThat(client.completed()).isTrue();
    }

    @Test
    void aQuietStreamGetsAHeartbeatAndOnlyOnceItHasOpened() {
        Subscriber subscriber = joined(16);
        subscriber.start(List.of(), 1000, false);
        subscriber.heartbeatIfIdle(Duration.ZERO, System.nanoTime());
        client.open();
        assertThat(client.text()).doesNotContain(":heartbeat");

        subscriber.heartbeatIfIdle(Duration.ofMinutes(1), System.nanoTime());
        assertThat(client.text()).as("not idle for a minute yet").doesNotContain(":heartbeat");

        subscriber.heartbeatIfIdle(Duration.ZERO, System.nanoTime());
        assertThat(client.text()).endsWith(":heartbeat\n\n");
    }

    @Test
    void aClientThatWentAwayIsDroppedAtTheNextWrite() {
        Subscriber subscriber = started(16);
        client.breakConnection();
        stream.publish(frame(1));

        assertThat(subscriber.isOpen()).isFalse();
        assertThat(stream.subscribers()).isZero();
        assertThat(client.completed()).isTrue();
    }

    @Test
    void theContainerEndingTheStreamWaitsForAWriteUnderWayAndNothingIsWrittenAfter() throws Exception {
        Subscriber subscriber = started(16);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = client.holdNextWrite(entered);
        Thread publisher = Thread.ofPlatform().start(() -> stream.publish(frame(1)));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        Thread container = Thread.ofPlatform().start(subscriber::closed); // the client went away meanwhile
        container.join(200);
        assertThat(client.completed()).as("not while the write is under way").isFalse();
        release.countDown();
        container.join(5000);
        publisher.join(5000);
        stream.publish(frame(2));

        assertThat(client.completed()).isTrue();
        assertThat(client.writtenAfterComplete()).isFalse();
        assertThat(subscriber.isOpen()).isFalse();
    }

    @Test
    void publishersAndTheContainerWritingAtOnceNeverOverlapAndEveryFrameGoesOutOnceInOrder() throws Exception {
        Subscriber subscriber = started(10_000);
        int frames = 2000;
        CountDownLatch go = new CountDownLatch(1);
        Thread publisher = Thread.ofPlatform().start(() -> {
            await(go);
            LongStream.rangeClosed(1, frames).forEach(id -> stream.publish(frame(id)));
        });
        List<Thread> container = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            container.add(Thread.ofPlatform().start(() -> {
                await(go);
                for (int n = 0; n < 2000; n++) {
                    subscriber.writable(); // the container calling back while the publisher writes
                }
            }));
        }
        go.countDown();
        publisher.join(10_000);
        for (Thread t : container) {
            t.join(10_000);
        }

        assertThat(client.writesOverlapped()).isFalse();
        assertThat(client.ids())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, frames).boxed().toList());
    }

    private Subscriber joined(int capacity) {
        Subscriber subscriber = new Subscriber(client, stream, capacity);
        stream.join(subscriber, null);
        return subscriber;
    }

    private Subscriber started(int capacity) {
        Subscriber subscriber = joined(capacity);
        subscriber.start(List.of(), 1000, false);
        client.open();
        return subscriber;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StreamFrame frame(long id) {
        return new StreamFrame(id, "deployment", "{\"n\":" + id + "}");
    }
}

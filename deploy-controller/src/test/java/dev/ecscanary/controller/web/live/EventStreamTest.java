package dev.ecscanary.controller.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hub's stream on its own: replay from the buffer, snapshots for gaps it cannot cover, slow viewers dropped. */
class EventStreamTest {

    @Test
    void aClientWithinTheBufferGetsExactlyTheFramesAfterItsLastId() {
        EventStream stream = EventStream.numbered(4, 101);
        for (long id = 101; id <= 104; id++) {
            stream.publish(frame(id));
        }
        EventStream.Joined joined = stream.join(subscriber(stream), 102L);
        assertThat(joined.replay())
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting("id")
                .containsExactly(103L, 104L);
        assertThat(stream.join(subscriber(stream), 100L).replay())
                .as("everything since the start is still buffered")
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(4);
    }

    @Test
    void framesPublishedTogetherReachEachViewerInOneWriteAndThoseNotNewerAreLeftOut() {
        EventStream stream = EventStream.numbered(8, 1);
        RecordingConnection client = new RecordingConnection();
        Subscriber subscriber = new Subscriber(client, stream, 16);
        stream.join(subscriber, null);
        subscriber.start(java.util.List.of(), 1000, false);
        client.open();
        stream.publish(frame(2));
        int before = client.flushes.size();

        java.util.List<StreamFrame> added = stream.publishAll(java.util.List.of(frame(1), frame(3), frame(4)));

        assertThat(added).extracting(StreamFrame::id).containsExactly(3L, 4L);
        assertThat(client.flushes).hasSize(before + 1);
        assertThat(client.ids()).containsExactly(2L, 3L, 4L);
        assertThat(stream.join(subscriber(stream), 2L).replay())
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting("id")
                .containsExactly(3L, 4L);
    }

    @Test
    void aGapOlderThanTheBufferOrAnUnknownIdNeedsASnapshot() {
        EventStream stream = EventStream.numbered(3, 1);
        for (long id = 1; id <= 6; id++) {
            stream.publish(frame(id));
        }
        assertThat(stream.join(subscriber(stream), 2L).replay()).isEmpty();
        assertThat(stream.join(subscriber(stream), 3L).replay())
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(3);
        assertThat(stream.join(subscriber(stream), 99L).replay())
                .as("an id from another controller run")
                .isEmpty();
        assertThat(stream.join(subscriber(stream), null).replay()).isEmpty();
    }

    @Test
    void aStreamJoinedLateCannotVouchForWhatCameBeforeItsFirstFrame() {
        EventStream stream = EventStream.joinedLate(8);
        stream.publish(frame(7));
        stream.publish(frame(8));
        assertThat(stream.join(subscriber(stream), 6L).replay()).isEmpty();
        assertThat(stream.join(subscriber(stream), 7L).replay())
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting("id")
                .containsExactly(8L);
    }

    @Test
    void framesThatAreNotNewerAreIgnored() {
        EventStream stream = EventStream.joinedLate(8);
        assertThat(stream.publish(frame(5))).isTrue();
        assertThat(stream.publish(frame(5))).isFalse();
        assertThat(stream.publish(frame(4))).isFalse();
        assertThat(stream.lastId()).isEqualTo(5);
    }

    @Test
    void publishingNeverWaitsForAViewerThatStoppedReadingItIsDroppedInstead() {
        EventStream stream = EventStream.numbered(1000, 1);
        Subscriber stuck = new Subscriber(new RecordingConnection(), stream, 4); // never started: never reads
        Subscriber other = new Subscriber(new RecordingConnection(), stream, 1000);
        stream.join(stuck, null);
        stream.join(other, null);

        long started = System.nanoTime();
        for (long id = 1; id <= 500; id++) {
            stream.publish(frame(id));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(stuck.isOpen()).isFalse();
        assertThat(other.isOpen()).isTrue();
        assertThat(stream.subscribers()).isEqualTo(1);
    }

    private static Subscriber subscriber(EventStream stream) {
        return new Subscriber(new RecordingConnection(), stream, 16);
    }

    private static StreamFrame frame(long id) {
        return new StreamFrame(id, "deployment", "{\"n\":" + id + "}");
    }
}

package dev.ecscanary.controller.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One viewer's writer: frames in order, each once, and a backlog caught up in one write. */
class SubscriberTest {

    @Test
    void framesQueuedDuringASlowWriteGoOutTogetherInOrderAndNoneTwice() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        RecordingEmitter emitter = new RecordingEmitter(firstWriteStarted, releaseFirstWrite);
        EventStream stream = EventStream.numbered(16, 1);
        Subscriber subscriber = new Subscriber(emitter, stream, 16, Duration.ofSeconds(15));
        stream.join(subscriber, null);
        subscriber.start(List.of(), "1000");

        stream.publish(frame(1));
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (long id = 2; id <= 5; id++) {
            stream.publish(frame(id)); // the viewer is still busy with frame 1: these wait in its queue
        }
        subscriber.offer(frame(3)); // a repeat of a frame already queued must not go out twice
        releaseFirstWrite.countDown();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emitter.text().split("\nevent:").length < 6 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emitter.ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(emitter.writes).as("frame 1, then the backlog of four in one write").hasSize(2);
        subscriber.close();
    }

    private static StreamFrame frame(long id) {
        return new StreamFrame(id, "deployment", "{\"n\":" + id + "}");
    }

    /** Records every write after the opening comment; the first frame's write waits until released. */
    private static final class RecordingEmitter extends SseEmitter {
        final List<String> writes = new CopyOnWriteArrayList<>();
        private final CountDownLatch firstWriteStarted;
        private final CountDownLatch releaseFirstWrite;

        RecordingEmitter(CountDownLatch firstWriteStarted, CountDownLatch releaseFirstWrite) {
            this.firstWriteStarted = firstWriteStarted;
            this.releaseFirstWrite = releaseFirstWrite;
        }

        @Override
        public void send(SseEventBuilder builder) {
            // the opening comment and retry hint
        }

        @Override
        public synchronized void send(Set<DataWithMediaType> items) {
            StringBuilder text = new StringBuilder();
            items.forEach(item -> text.append(new String((byte[]) item.getData(), StandardCharsets.UTF_8)));
            writes.add(text.toString());
            if (writes.size() == 1) {
                firstWriteStarted.countDown();
                try {
                    releaseFirstWrite.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        String text() {
            return String.join("", writes);
        }

        List<Long> ids() {
            return java.util.Arrays.stream(text().split("\n"))
                    .filter(line -> line.startsWith("id:")).map(line -> Long.parseLong(line.substring(3))).toList();
        }
    }
}

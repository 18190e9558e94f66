package dev.ecscanary.controller.web.live;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event, encoded once and written as is to every subscriber of its stream.
 *
 * @param id    the SSE id: the deployment's version on a deployment's stream, a sequence number on the services stream;
 *              {@link #UNNUMBERED} for frames that are not events of the stream (the opening, heartbeats, the end)
 * @param event the SSE event name: {@code deployment} or {@code snapshot}
 * @param bytes the frame as it goes on the wire
 */
record StreamFrame(long id, String event, byte[] bytes) {

    static final long UNNUMBERED = -1;

    /**
     * The last frame of a finished deployment's stream: it will not change again. Without an id, so a client's
     * Last-Event-ID stays the deployment's last version (and a reconnect with it is answered 204: nothing to follow).
     */
    static final StreamFrame END = control("end", "event:end\ndata:{\"kind\":\"end\"}\n\n");

    /** A comment line: keeps proxies and the browser from timing the connection out. */
    static final StreamFrame HEARTBEAT = control("heartbeat", ":heartbeat\n\n");

    StreamFrame(long id, String event, String json) {
        this(id, event, utf8("id:" + id + "\nevent:" + event + "\ndata:" + json.replace("\n", "\ndata:") + "\n\n"));
    }

    /** The first bytes of every stream: how long a browser waits before it reconnects, and a comment. */
    static StreamFrame opening(long retryMillis) {
        return control("opening", "retry:" + retryMillis + "\n:connected\n\n");
    }

    boolean numbered() {
        return id != UNNUMBERED;
    }

    private static StreamFrame control(String name, String text) {
        return new StreamFrame(UNNUMBERED, name, utf8(text));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.ecscanary.controller.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * One server-sent event, encoded once and written as is to every subscriber of its stream.
 *
 * @param id    the SSE id: the deployment's version on a deployment's stream, a sequence number on the services stream
 * @param event the SSE event name: {@code deployment} or {@code snapshot}
 * @param json  the data, on one line
 */
record StreamFrame(long id, String event, String json, Set<DataWithMediaType> encoded) {

    /**
     * The last frame of a finished deployment's stream: it will not change again. Without an id, so a client's
     * Last-Event-ID stays the deployment's last version (and a reconnect with it is answered 204: nothing to follow).
     */
    static final StreamFrame END = new StreamFrame(Long.MAX_VALUE, "end", "{\"kind\":\"end\"}",
            bytes("event:end\ndata:{\"kind\":\"end\"}\n\n"));

    /** A comment line: keeps proxies and the browser from timing the connection out. */
    static final Set<DataWithMediaType> HEARTBEAT = bytes(":heartbeat\n\n");

    StreamFrame(long id, String event, String json) {
        this(id, event, json, bytes("id:" + id + "\nevent:" + event + "\ndata:" + json.replace("\n", "\ndata:") + "\n\n"));
    }

    private static Set<DataWithMediaType> bytes(String text) {
        return Set.of(new DataWithMediaType(text.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_EVENT_STREAM));
    }
}

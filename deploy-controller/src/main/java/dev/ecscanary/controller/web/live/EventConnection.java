package dev.ecscanary.controller.web.live;

import java.io.IOException;

/**
 * The client's end of one event stream, written without blocking: {@link #ready()} says whether a write can go out
 * now; when it says no, the connection calls its listener's {@code writable()} once it can take more.
 */
interface EventConnection {

    /** Starts delivering the connection's callbacks to {@code listener}; the first {@code writable()} follows. */
    void listen(Listener listener);

    boolean ready();

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** Ends the response; safe to call more than once and from any thread. */
    void complete();

    /** What the connection tells its subscriber. */
    interface Listener {

        /** The connection can take more: write what waits. */
        void writable();

        /** The connection ended (the client went away, it timed out, or it failed). */
        void closed();
    }
}

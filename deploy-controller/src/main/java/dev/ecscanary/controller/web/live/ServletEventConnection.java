package dev.ecscanary.controller.web.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * An event stream on the servlet container's non-blocking output: writes never wait for the client, so the thread
 * that publishes a change can write it to every viewer itself. The container calls back when a connection that could
 * not take everything can take more, and when it ends.
 */
final class ServletEventConnection implements EventConnection {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final AtomicBoolean completed = new AtomicBoolean();

    private ServletEventConnection(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Answers the request with an event stream that stays open for at most {@code timeout}. */
    static ServletEventConnection start(HttpServletRequest request, HttpServletResponse response, Duration timeout)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // a buffering proxy in front would hold the frames back
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis());
        return new ServletEventConnection(async, response.getOutputStream());
    }

    @Override
    public void listen(Listener listener) {
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                listener.closed();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                listener.closed();
            }

            @Override
            public void onError(AsyncEvent event) {
                listener.closed();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                listener.writable();
            }

            @Override
            public void onError(Throwable t) {
                listener.closed();
            }
        });
    }

    @Override
    public boolean ready() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void complete() {
        if (completed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (IllegalStateException alreadyEnded) {
                // the container ended it first (the client went away or it timed out)
            }
        }
    }
}

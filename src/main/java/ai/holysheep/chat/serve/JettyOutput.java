package ai.holysheep.chat.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;

/** A {@link MemberOutput} on a Jetty response, each write blocking until it has gone out. */
final class JettyOutput implements MemberOutput {
    private final Response response;
    private final RelayStats stats;
    private boolean begun;

    JettyOutput(Response response, RelayStats stats) {
        this.response = response;
        this.stats = stats;
    }

    @Override
    public void begin(int status, String contentType, long retryAfterSeconds) throws IOException {
        begun = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                contentType.startsWith("text/") ? contentType + "; charset=utf-8" : contentType);
        if (contentType.equals("text/event-stream")) {
            // Tells nginx and similar proxies not to hold chunks back.
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put("X-Accel-Buffering", "no");
        }
        if (retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }

    @Override
    public boolean begun() {
        return begun;
    }

    @Override
    public void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Content.Sink.write(response, false, ByteBuffer.wrap(bytes));
        stats.bytes.addAndGet(bytes.length);
    }
}

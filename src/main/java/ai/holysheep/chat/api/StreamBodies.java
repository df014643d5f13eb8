package ai.holysheep.chat.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Wraps each streamed response body before okhttp-sse reads it: every byte read counts as progress
 * for the call's {@link StreamWatchdog}, and a body whose last byte is a lone {@code \r} gets a
 * {@code \n} after it. okhttp-sse 5.5.1's event reader spins for ever at 100 % CPU on such a body
 * instead of seeing the end of the stream. A CR LF is the same line ending as a CR alone, so the
 * events read are the ones the server sent.
 */
final class StreamBodies implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        StreamWatchdog watchdog = chain.request().tag(StreamWatchdog.class);
        ResponseBody body = response.body();
        if (watchdog == null || body == null) {
            return response;
        }
        Source source = new Guarded(body.source(), watchdog);
        ResponseBody wrapped = ResponseBody.create(Okio.buffer(source), body.contentType(), -1);
        return response.newBuilder().body(wrapped).build();
    }

    /** Marks progress and closes a trailing lone CR with a LF at the end of the stream. */
    static final class Guarded extends ForwardingSource {
        private final StreamWatchdog watchdog;
        private boolean lastWasCr;
        private boolean ended;

        Guarded(Source delegate, StreamWatchdog watchdog) {
            super(delegate);
            this.watchdog = watchdog;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (ended) {
                return -1;
            }
            long before = sink.size();
            long n = super.read(sink, byteCount);
            if (n > 0) {
                watchdog.progress();
                lastWasCr = sink.getByte(before + n - 1) == '\r';
                return n;
            }
            if (n < 0) {
                ended = true;
                if (lastWasCr) {
                    lastWasCr = false;
                    sink.writeByte('\n');
                    return 1;
                }
            }
            return n;
        }
    }
}

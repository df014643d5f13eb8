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
 * events read are the ones the server sent. An event larger than the cap ends the stream with
 * {@link EventTooLarge} before okhttp-sse, which has no limit, holds all of it in memory.
 */
final class StreamBodies implements Interceptor {
    private final long maxEventSize;

    StreamBodies(long maxEventSize) {
        this.maxEventSize = maxEventSize;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        StreamWatchdog watchdog = chain.request().tag(StreamWatchdog.class);
        ResponseBody body = response.body();
        if (watchdog == null || body == null) {
            return response;
        }
        Source source = new Guarded(body.source(), watchdog, maxEventSize);
        ResponseBody wrapped = ResponseBody.create(Okio.buffer(source), body.contentType(), -1);
        return response.newBuilder().body(wrapped).build();
    }

    /** An event grew past the cap; the stream cannot be read safely. */
    static final class EventTooLarge extends IOException {
        EventTooLarge(long max) {
            super("the server sent an event larger than " + max + " bytes (retry.max_event_size)");
        }
    }

    /** Marks progress, caps each event's size, and closes a trailing lone CR with a LF. */
    static final class Guarded extends ForwardingSource {
        private final StreamWatchdog watchdog;
        private final long maxEventSize;
        private boolean lastWasCr;
        private boolean ended;
        /** Bytes of the current line and of the current event, line endings not counted. */
        private long lineBytes;
        private long eventBytes;

        Guarded(Source delegate, StreamWatchdog watchdog, long maxEventSize) {
            super(delegate);
            this.watchdog = watchdog;
            this.maxEventSize = maxEventSize;
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
                measure(sink, before, n);
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

        /**
         * Follows line endings (LF, CR or CR LF) through the bytes just read: an empty line ends
         * an event, as in the event-stream format.
         */
        private void measure(Buffer sink, long from, long count) throws EventTooLarge {
            for (long i = from; i < from + count; i++) {
                byte b = sink.getByte(i);
                if (b == '\n' && lastWasCr) {
                    lastWasCr = false; // the LF of a CR LF: the line already ended at the CR
                } else if (b == '\n' || b == '\r') {
                    if (lineBytes == 0) {
                        eventBytes = 0;
                    }
                    lineBytes = 0;
                    lastWasCr = b == '\r';
                } else {
                    lastWasCr = false;
                    lineBytes++;
                    if (++eventBytes > maxEventSize) {
                        throw new EventTooLarge(maxEventSize);
                    }
                }
            }
        }
    }
}

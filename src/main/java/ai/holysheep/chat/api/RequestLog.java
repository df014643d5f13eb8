package ai.holysheep.chat.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * The {@code --verbose} debug log: one line per request, response and body end, with timings.
 * Headers are never written (the Authorization header carries the key, Proxy-Authorization the
 * proxy's password), credentials in URLs are removed, and message bodies are written only when
 * asked for, because they are the user's conversation.
 */
public final class RequestLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final RequestLog DISABLED = new RequestLog(null, false, Clock.systemDefaultZone());

    private final PrintWriter out;
    private final boolean bodies;
    private final Clock clock;
    private final AtomicInteger calls = new AtomicInteger();
    /** The key and proxy password of the client it is attached to, hidden in every line. */
    private volatile Redaction hidden = new Redaction();

    private RequestLog(PrintWriter out, boolean bodies, Clock clock) {
        this.out = out;
        this.bodies = bodies;
        this.clock = clock;
    }

    public static RequestLog disabled() {
        return DISABLED;
    }

    /** @param bodies whether request and response bodies are written too */
    public static RequestLog to(PrintWriter out, boolean bodies, Clock clock) {
        return new RequestLog(out, bodies, clock);
    }

    public boolean enabled() {
        return out != null;
    }

    /**
     * Logs the client's calls. {@code secrets} (its key, a proxy password; nulls are skipped) are
     * masked wherever they appear, because a server that refuses a key often quotes it back in
     * the very body this log copies.
     */
    public OkHttpClient.Builder attachTo(OkHttpClient.Builder http, String... secrets) {
        hidden = new Redaction(secrets);
        return enabled() ? http.addInterceptor(this::intercept) : http;
    }

    /** One timestamped line; also used for decisions made above HTTP (retries, resumes). */
    public void note(String line) {
        if (out == null) {
            return;
        }
        synchronized (out) {
            out.println(LocalTime.now(clock).format(TIME) + " " + hidden.apply(line));
            out.flush();
        }
    }

    private Response intercept(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        int id = calls.incrementAndGet();
        note("#" + id + " → " + request.method() + " " + redact(request.url()));
        if (bodies && request.body() != null) {
            Buffer body = new Buffer();
            request.body().writeTo(body);
            note("#" + id + "   request body: " + body.readUtf8());
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            note("#" + id + " ✗ " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " after " + millis(start) + " ms");
            throw e;
        }
        StringBuilder line = new StringBuilder("#" + id + " ← " + response.code() + " after " + millis(start) + " ms");
        appendHeader(line, response, "Content-Type");
        appendHeader(line, response, "Retry-After");
        appendHeader(line, response, "retry-after-ms");
        note(line.toString());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        Source watched = new BodyWatch(body.source(), id, start);
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(watched), body.contentType(), body.contentLength()))
                .build();
    }

    private static void appendHeader(StringBuilder line, Response response, String name) {
        String value = response.header(name);
        if (value != null) {
            line.append(", ").append(name).append(": ").append(value);
        }
    }

    /** The URL without user info, and with values of key- or token-like query parameters hidden. */
    static String redact(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("key") || lower.contains("token") || lower.contains("secret") || lower.contains("auth")) {
                b.setQueryParameter(name, "REDACTED");
            }
        }
        return b.build().toString();
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Notes when a response body ends (and how big it was), copying it to the log if asked. */
    private final class BodyWatch extends ForwardingSource {
        private final int id;
        private final long start;
        private long bytes;
        private boolean ended;
        /** Bytes of a line not yet complete; kept as bytes so a character split across reads stays whole. */
        private final Buffer pending = new Buffer();

        BodyWatch(Source delegate, int id, long start) {
            super(delegate);
            this.id = id;
            this.start = start;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n;
            try {
                n = super.read(sink, byteCount);
            } catch (IOException e) {
                end("broke (" + e.getClass().getSimpleName() + ")");
                throw e;
            }
            if (n < 0) {
                end("ended");
                return n;
            }
            bytes += n;
            if (bodies) {
                sink.copyTo(pending, sink.size() - n, n);
                copyLines();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            end("closed");
            super.close();
        }

        private void copyLines() throws IOException {
            long nl;
            while ((nl = pending.indexOf((byte) '\n')) >= 0) {
                String line = pending.readString(nl, StandardCharsets.UTF_8).stripTrailing();
                pending.skip(1);
                if (!line.isEmpty()) {
                    note("#" + id + "   body: " + line);
                }
            }
        }

        private void end(String how) {
            if (ended) {
                return;
            }
            ended = true;
            if (pending.size() > 0) {
                note("#" + id + "   body: " + pending.readUtf8());
            }
            note("#" + id + " body " + how + " after " + millis(start) + " ms, " + bytes + " bytes");
        }
    }
}

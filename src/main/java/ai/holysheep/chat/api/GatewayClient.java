package ai.holysheep.chat.api;

import ai.holysheep.chat.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/** The OpenAI-compatible wire: {@code POST /chat/completions} (streamed or not) and {@code GET /models}. */
public final class GatewayClient {
    private static final List<String> CONTEXT_FIELDS = List.of("context_length", "context_window", "max_model_len");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    /** {@link #http} with each streamed body guarded against okhttp-sse's spin (see {@link StreamBodies}). */
    private final OkHttpClient sse;
    private final HttpUrl base;
    private final Secret key;
    private final Redaction redaction;

    /**
     * @param baseUrl includes the version path, e.g. {@code https://api.holysheep.ai/v1}
     * @param key     null for servers that need none (a local llama.cpp, Ollama)
     */
    public GatewayClient(OkHttpClient http, String baseUrl, Secret key) {
        this(http, baseUrl, key, ai.holysheep.chat.config.RetrySettings.DEFAULT_MAX_EVENT_SIZE, null);
    }

    /**
     * @param maxEventSize  bytes a single server-sent event may have; more is a protocol failure
     * @param proxyPassword hidden, like the key, from any error text a server echoes; may be null
     */
    public GatewayClient(OkHttpClient http, String baseUrl, Secret key, long maxEventSize, String proxyPassword) {
        this.http = OwnRetriesOnly.around(http);
        this.sse = this.http.newBuilder().addInterceptor(new StreamBodies(maxEventSize)).build();
        this.base = checkedBaseUrl(baseUrl);
        this.key = key;
        this.redaction = new Redaction(key == null ? null : key.reveal(), proxyPassword);
    }

    /**
     * Checks a base URL the way the constructor does, without building a client (which sets up
     * TLS: too slow to do before a screen is shown).
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public static void checkBaseUrl(String baseUrl) {
        checkedBaseUrl(baseUrl);
    }

    private static HttpUrl checkedBaseUrl(String baseUrl) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("base URL '" + baseUrl + "' is not an http(s) URL");
        }
        return parsed;
    }

    /**
     * An endpoint under the base URL: its path goes after the base's (with or without a slash
     * at its end), and the base's query comes along, as Azure-style gateways need
     * ({@code …/v1?api-version=…}). Resolving a relative URL would lose both.
     */
    private HttpUrl endpoint(String path) {
        HttpUrl.Builder url = base.newBuilder().fragment(null);
        List<String> segments = base.pathSegments();
        if (segments.get(segments.size() - 1).isEmpty()) {
            url.removePathSegment(segments.size() - 1);
        }
        return url.addPathSegments(path).build();
    }

    /**
     * Timeouts for streaming: {@code idle} bounds the silence between two reads (a keep-alive
     * comment counts as a read), never the length of a whole answer.
     */
    public static OkHttpClient.Builder httpClient(Duration connect, Duration idle) {
        return new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(callThreads()))
                .connectTimeout(connect)
                .readTimeout(idle)
                .writeTimeout(connect)
                .callTimeout(Duration.ZERO)
                // Retries are the turn's: counted, delayed and shown; OkHttp's silent ones would
                // hide them and spend more attempts than allowed. Off, OkHttp neither re-sends a 408
                // nor retries a failed connection; a pooled connection the server closed meanwhile
                // then shows as one retry of the turn. Its re-send of a 503 is OwnRetriesOnly's.
                .retryOnConnectionFailure(false);
    }

    /**
     * OkHttp's own call threads, except that the first is started now, while the caller is still
     * preparing its request, rather than when the first call is queued: starting a thread is
     * otherwise on the first token's path. Idle threads end after a minute, as OkHttp's do.
     */
    private static ExecutorService callThreads() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(1, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> new Thread(task, "OkHttp Dispatcher"));
        threads.allowCoreThreadTimeOut(true);
        threads.prestartCoreThread();
        return threads;
    }

    /** Lets go of the client's idle threads and pooled connections (a process that exits need not). */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    public StreamCall stream(ChatRequest request, StreamListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        EventSource[] source = new EventSource[1];
        StreamWatchdog watchdog = new StreamWatchdog(this.http.readTimeoutMillis(), () -> {
            // No byte and no event for the whole idle timeout: a stall, whatever the reader is doing.
            if (cancelled.compareAndSet(false, true)) {
                source[0].cancel();
                listener.onFailure(network(new SocketTimeoutException()));
            }
        });
        Request http = post(request, true).newBuilder()
                .header("Accept", "text/event-stream")
                .tag(StreamWatchdog.class, watchdog)
                .build();
        source[0] = EventSources.createFactory(sse).newEventSource(http, new Bridge(redacting(listener), cancelled, watchdog));
        watchdog.start();
        return () -> {
            cancelled.set(true);
            watchdog.stop();
            source[0].cancel();
        };
    }

    /** Every failure and in-stream error leaves the client through here, with secrets hidden. */
    private StreamListener redacting(StreamListener listener) {
        return new StreamListener() {
            @Override
            public void onOpen() {
                listener.onOpen();
            }

            @Override
            public void onChunk(Chunk chunk) {
                listener.onChunk(redaction.apply(chunk));
            }

            @Override
            public void onEnd(boolean sawDone) {
                listener.onEnd(sawDone);
            }

            @Override
            public void onFailure(CallFailure failure) {
                listener.onFailure(redaction.apply(failure));
            }
        };
    }

    /**
     * Asks for the whole answer at once ({@code "stream": false}) and delivers it through the
     * callbacks a stream uses: the answer as one chunk, then the end. Its failures are the ones a
     * stream reports, so a turn treats both alike.
     */
    public StreamCall whole(ChatRequest request, StreamListener listener) {
        StreamListener out = redacting(listener);
        AtomicBoolean over = new AtomicBoolean();
        Call call = http.newCall(post(request, false));
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        fail(httpFailure(response, bodyText(response)));
                        return;
                    }
                    // Read here rather than with bodyText: going silent in the middle of the body
                    // is a network failure, not an empty answer.
                    ResponseBody body = response.body();
                    Completion completion = completion(response.code(), body == null ? "" : body.string());
                    if (over.compareAndSet(false, true)) {
                        out.onOpen();
                        out.onChunk(chunk(completion));
                        out.onEnd(true);
                    }
                } catch (GatewayException e) {
                    fail(e.failure());
                } catch (IOException e) {
                    fail(network(e));
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                fail(network(e));
            }

            private void fail(CallFailure failure) {
                if (over.compareAndSet(false, true)) {
                    out.onFailure(failure);
                }
            }
        });
        return () -> {
            over.set(true);
            call.cancel();
        };
    }

    /** A whole completion as the one chunk that carries all of it. */
    private static Chunk chunk(Completion c) {
        String content = c.content() == null || c.content().isEmpty() ? null : c.content();
        return new Chunk(content, c.reasoning(), c.finishReason(), c.usage(), null);
    }

    public List<String> models() throws GatewayException {
        return modelInfo().stream().map(ModelInfo::id).toList();
    }

    /** The models {@code /models} lists, with each one's context window where the gateway gives it. */
    public List<ModelInfo> modelInfo() throws GatewayException {
        try {
            return unredactedModels();
        } catch (GatewayException e) {
            throw new GatewayException(redaction.apply(e.failure()));
        }
    }

    private List<ModelInfo> unredactedModels() throws GatewayException {
        Request request = authorized(new Request.Builder().url(endpoint("models"))).get().build();
        try (Response response = http.newCall(request).execute()) {
            String body = bodyText(response);
            if (!response.isSuccessful()) {
                throw new GatewayException(httpFailure(response, body));
            }
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode data = root.isArray() ? root : root.path("data");
            List<ModelInfo> models = new ArrayList<>();
            for (JsonNode model : data) {
                String id = model.isTextual() ? model.asText() : model.path("id").asText("");
                if (!id.isEmpty()) {
                    models.add(new ModelInfo(id, contextWindow(model)));
                }
            }
            return models;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new GatewayException(new CallFailure.Protocol("the model list is not JSON"));
        } catch (IOException e) {
            throw new GatewayException(network(e));
        }
    }

    /**
     * The window a {@code /models} entry states, under the names gateways use for it:
     * {@code context_length} (OpenRouter, Together), {@code context_window} (Groq),
     * {@code max_model_len} (vLLM).
     */
    private static OptionalLong contextWindow(JsonNode model) {
        for (String field : CONTEXT_FIELDS) {
            JsonNode v = model.path(field);
            if (v.canConvertToLong() && v.asLong() > 0) {
                return OptionalLong.of(v.asLong());
            }
        }
        return OptionalLong.empty();
    }

    private Request post(ChatRequest request, boolean stream) {
        return authorized(new Request.Builder().url(endpoint("chat/completions")))
                .post(RequestBody.create(request.toJson(stream), JSON))
                .build();
    }

    private Request.Builder authorized(Request.Builder builder) {
        if (key != null) {
            builder.header("Authorization", "Bearer " + key.reveal());
        }
        return builder.header("User-Agent", "holysheep-chat");
    }

    /** A 200 carrying a plain JSON body: a whole completion, or an error in completion's clothing. */
    static Completion completion(int status, String body) throws GatewayException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new GatewayException(new CallFailure.Protocol("the server's answer is not JSON"));
        }
        if (root == null || !root.isObject() || root.has("error")) {
            throw new GatewayException(new CallFailure.Http(ErrorBodies.parse(status, "application/json", body), null, null));
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        String content = message.path("content").isTextual() ? message.path("content").asText() : "";
        String reasoning = message.path("reasoning_content").isTextual() ? message.path("reasoning_content").asText()
                : message.path("reasoning").isTextual() ? message.path("reasoning").asText() : null;
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        return new Completion(content, reasoning, finish, ChunkParser.usage(root.get("usage")));
    }

    static CallFailure.Http httpFailure(Response response, String body) {
        ApiError error = ErrorBodies.parse(response.code(), response.header("Content-Type"), body);
        return new CallFailure.Http(error, response.header("Retry-After"), response.header("retry-after-ms"));
    }

    /**
     * One line that says which of the ways a connection fails this was: no connection within the
     * connect timeout, a refused TLS handshake or certificate, or silence once connected. Only an
     * exception message's first line is kept (a certificate mismatch lists the whole certificate);
     * {@code --verbose} logs it whole.
     */
    static CallFailure.Network network(Throwable t) {
        String what;
        if (t instanceof SocketTimeoutException && firstLine(t).toLowerCase(Locale.ROOT).contains("connect")) {
            what = "could not connect (no connection within the connect timeout)";
        } else if (t instanceof SocketTimeoutException) {
            what = "the server went silent (no data within the idle timeout)";
        } else if (t instanceof UnknownHostException) {
            what = "cannot resolve host " + firstLine(t);
        } else if (t instanceof ConnectException) {
            what = "connection refused";
        } else if (t instanceof SSLPeerUnverifiedException) {
            what = "TLS: the server's certificate was not accepted (" + firstLine(t) + ")";
        } else if (t instanceof SSLException) {
            what = "TLS handshake failed: " + firstLine(t);
        } else if (t instanceof InterruptedIOException) {
            what = "the call was interrupted";
        } else {
            String message = firstLine(t);
            what = "connection lost" + (message.isBlank() ? "" : " (" + message + ")");
        }
        return new CallFailure.Network(what);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static String bodyText(Response response) {
        ResponseBody body = response.body();
        try {
            return body == null ? "" : body.string();
        } catch (IOException | IllegalStateException e) {
            return "";
        }
    }

    /** Adapts okhttp-sse's callbacks to {@link StreamListener}, sorting out its failure modes. */
    private static final class Bridge extends EventSourceListener {
        private final StreamListener listener;
        /** Set once the call is over for the listener: cancelled, ended, failed or stalled. */
        private final AtomicBoolean cancelled;
        private final StreamWatchdog watchdog;
        private final ChunkStream chunks = new ChunkStream();
        private boolean sawDone;

        Bridge(StreamListener listener, AtomicBoolean cancelled, StreamWatchdog watchdog) {
            this.listener = listener;
            this.cancelled = cancelled;
            this.watchdog = watchdog;
        }

        @Override
        public void onOpen(EventSource source, Response response) {
            listener.onOpen();
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            watchdog.progress();
            if (cancelled.get() || sawDone) {
                return;
            }
            if ("[DONE]".equals(data.strip())) {
                sawDone = true;
                return;
            }
            if (data.isBlank()) {
                return;
            }
            Chunk chunk;
            try {
                chunk = chunks.parse(data);
            } catch (ChunkParser.MalformedChunkException e) {
                if (!cancelled.compareAndSet(false, true)) {
                    return;
                }
                watchdog.stop();
                source.cancel();
                listener.onFailure(new CallFailure.Protocol(e.getMessage()));
                return;
            }
            if ("error".equals(type) && chunk.error() == null) {
                chunk = new Chunk(null, null, null, null, ErrorBodies.parse(200, "application/json", data));
            }
            listener.onChunk(chunk);
        }

        @Override
        public void onClosed(EventSource source) {
            watchdog.stop();
            if (cancelled.compareAndSet(false, true)) {
                listener.onEnd(sawDone);
            }
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            watchdog.stop();
            if (!cancelled.compareAndSet(false, true)) {
                return;
            }
            if (response != null && !response.isSuccessful()) {
                listener.onFailure(httpFailure(response, bodyText(response)));
                return;
            }
            if (response != null && t instanceof IllegalStateException && !isEventStream(response)) {
                // A 200 that is not an event stream: a whole JSON completion, or an error.
                try {
                    listener.onChunk(chunk(completion(response.code(), bodyText(response))));
                    listener.onEnd(true);
                } catch (GatewayException e) {
                    listener.onFailure(e.failure());
                }
                return;
            }
            if (t instanceof StreamBodies.EventTooLarge) {
                listener.onFailure(new CallFailure.Protocol(t.getMessage()));
                return;
            }
            // After the stream opened, okhttp-sse reports a server closing mid-event as an
            // IllegalArgumentException, not an IOException: it is a network drop all the same.
            listener.onFailure(network(t == null ? new IOException("stream ended abnormally") : t));
        }

        private static boolean isEventStream(Response response) {
            String type = response.header("Content-Type");
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
        }
    }
}

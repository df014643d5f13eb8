package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.config.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The wire to the gateway: what each kind of answer becomes for the listener, with the key hidden. */
@Timeout(30)
class GatewayClientTest {
    private static final String KEY = "sk-test-0123456789abcdef";
    private static final ChatRequest REQUEST = new ChatRequest("m", List.of(ChatMessage.user("hi")), null, null);
    private static final String WHOLE = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hello\","
            + "\"reasoning_content\":\"think\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";

    /**
     * How long a test waits for a callback that should come at once. The mutation run, where many
     * mutants keep a callback from ever coming, sets {@code -Dpatience=MILLIS} lower, so such a
     * mutant fails its test rather than running into the mutation tool's timeout.
     */
    static final long PATIENCE_MS = Long.getLong("patience", 15_000);

    private MockWebServer server;
    private OkHttpClient http;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        http.dispatcher().cancelAll();
        server.close();
    }

    /** A client with no pooled connection, so a closed server is seen as refusing. */
    private static OkHttpClient fresh() {
        return GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    }

    private GatewayClient client() {
        return new GatewayClient(http, server.url("/v1").toString(), new Secret(KEY));
    }

    /** Records every callback as a line; a failure as its kind and one-line description. */
    private final StreamListener recorder = new StreamListener() {
        @Override
        public void onOpen() {
            events.add("open");
        }

        @Override
        public void onChunk(Chunk chunk) {
            events.add("chunk " + chunk);
        }

        @Override
        public void onEnd(boolean sawDone) {
            events.add("end " + sawDone);
        }

        @Override
        public void onFailure(CallFailure failure) {
            events.add("failure " + failure.getClass().getSimpleName() + ": " + failure.describe());
        }
    };

    /** The callbacks up to and including the end or failure. */
    private List<String> outcome() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String e = events.poll(PATIENCE_MS, TimeUnit.MILLISECONDS);
            assertTrue(e != null, "no end within " + PATIENCE_MS + " ms after " + seen);
            seen.add(e);
            if (e.startsWith("end ") || e.startsWith("failure ")) {
                return seen;
            }
        }
    }

    /** Waits (bounded) until the client has no call left running, so every callback has been made. */
    private void callsFinished() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (http.dispatcher().runningCallsCount() > 0) {
            assertTrue(System.nanoTime() < deadline, "a call is still running");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static String chunk(String content, String reasoning, String finish, TokenUsage usage) {
        return "chunk " + new Chunk(content, reasoning, finish, usage, null);
    }

    @Test
    void aWholeAnswerArrivesAsOneChunkBetweenOpenAndEnd() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(WHOLE).build());
        client().whole(REQUEST, recorder);
        assertEquals(List.of("open", chunk("Hello", "think", "stop", new TokenUsage(3, 1, 4)), "end true"), outcome());
        var recorded = server.takeRequest();
        assertEquals("Bearer " + KEY, recorded.getHeaders().get("Authorization"));
        assertEquals("holysheep-chat", recorded.getHeaders().get("User-Agent"));
        assertTrue(recorded.getBody().utf8().endsWith("\"stream\":false}"), recorded.getBody().utf8());
    }

    @Test
    void aWholeAnswerWithoutTextHasNoContentAndReasoningMayComeUnderItsOtherName() throws Exception {
        server.enqueue(new MockResponse.Builder().body(
                "{\"choices\":[{\"message\":{\"content\":\"\",\"reasoning\":\"hm\"},\"finish_reason\":\"length\"}]}").build());
        server.enqueue(new MockResponse.Builder().body(
                "{\"choices\":[{\"message\":{\"content\":null,\"reasoning\":7},\"finish_reason\":3}]}").build());
        GatewayClient client = client();
        client.whole(REQUEST, recorder);
        assertEquals(List.of("open", chunk(null, "hm", "length", null), "end true"), outcome());
        client.whole(REQUEST, recorder);
        assertEquals(List.of("open", chunk(null, null, null, null), "end true"), outcome());
    }

    @Test
    void aWholeAnswerRefusedSaysWhyWithTheKeyHidden() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").build());
        client().whole(REQUEST, recorder);
        assertEquals(List.of("failure Http: HTTP 401: Incorrect API key provided: [key]"), outcome());
    }

    @Test
    void aWholeAnswerThatIsAnErrorOrNotJsonFails() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"error\":{\"message\":\"quota\"}}").build());
        server.enqueue(new MockResponse.Builder().body("<html>hi</html>").build());
        GatewayClient client = client();
        client.whole(REQUEST, recorder);
        assertEquals(List.of("failure Http: quota"), outcome());
        client.whole(REQUEST, recorder);
        assertEquals(List.of("failure Protocol: the server's answer is not JSON"), outcome());
    }

    @Test
    void aWholeAnswerCutShortOrNeverConnectedIsANetworkFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Length", "1000").body("{\"choices\":")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        client().whole(REQUEST, recorder);
        List<String> cut = outcome();
        assertEquals(1, cut.size(), cut.toString());
        assertTrue(cut.get(0).startsWith("failure Network: connection lost"), cut.toString());

        String url = server.url("/v1").toString();
        server.close();
        new GatewayClient(fresh(), url, null).whole(REQUEST, recorder);
        assertEquals(List.of("failure Network: connection refused"), outcome());
    }

    @Test
    void aCancelledWholeAnswerReportsNothing() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body(WHOLE).build());
        StreamCall call = client().whole(REQUEST, recorder);
        server.takeRequest();
        call.cancel();
        callsFinished();
        assertEquals(List.of(), new ArrayList<>(events));
    }

    @Test
    void aStreamOpensDeliversItsChunksAndEndsWithDone() throws Exception {
        server.enqueue(Sse.stream().role().content("Hel").content("lo").finish("stop").usage(3, 2)
                .data("[DONE] ").data("{\"choices\":[{\"delta\":{\"content\":\"after done\"}}]}").response());
        client().stream(REQUEST, recorder);
        assertEquals(List.of("open", chunk(null, null, null, null), chunk("Hel", null, null, null),
                chunk("lo", null, null, null), chunk(null, null, "stop", null),
                chunk(null, null, null, new TokenUsage(3, 2, 5)), "end true"), outcome());
        String body = server.takeRequest().getBody().utf8();
        assertTrue(body.contains("\"stream\":true"), body);
    }

    @Test
    void aStreamWithoutDoneEndsSayingSoAndBlankEventsAreSkipped() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: \n\ndata: " + "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n").build());
        client().stream(REQUEST, recorder);
        assertEquals(List.of("open", chunk("x", null, null, null), "end false"), outcome());
    }

    @Test
    void aCorruptChunkEndsTheStreamAsAProtocolFailure() throws Exception {
        server.enqueue(Sse.stream().content("a").data("{not json").content("b").done().response());
        client().stream(REQUEST, recorder);
        List<String> seen = outcome();
        assertEquals(List.of("open", chunk("a", null, null, null)), seen.subList(0, 2));
        assertEquals(3, seen.size(), seen.toString());
        assertTrue(seen.get(2).startsWith("failure Protocol: "), seen.toString());
        callsFinished();
        assertEquals(List.of(), new ArrayList<>(events), "nothing after the failure");
    }

    @Test
    void anErrorEventInTheStreamReachesTheListenerWithTheKeyHidden() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("event: error\ndata: {\"message\":\"bad key " + KEY + "\"}\n\n"
                        + "data: {\"error\":{\"message\":\"also " + KEY + "\"}}\n\n").build());
        client().stream(REQUEST, recorder);
        List<String> seen = outcome();
        assertEquals(4, seen.size(), seen.toString());
        assertEquals("chunk " + new Chunk(null, null, null, null, new ApiError(200, "bad key [key]", null, null)),
                seen.get(1));
        assertTrue(seen.get(2).contains("also [key]") && !String.join("", seen).contains(KEY), seen.toString());
    }

    @Test
    void aStreamRefusedIsAnHttpFailureKeepingRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .setHeader("Content-Type", "application/json").body("{\"error\":{\"message\":\"slow down\"}}").build());
        BlockingQueue<CallFailure> got = new LinkedBlockingQueue<>();
        client().stream(REQUEST, new StreamListener() {
            @Override
            public void onChunk(Chunk chunk) {
            }

            @Override
            public void onEnd(boolean sawDone) {
            }

            @Override
            public void onFailure(CallFailure failure) {
                got.add(failure);
            }
        });
        CallFailure.Http http429 = assertInstanceOf(CallFailure.Http.class, got.poll(PATIENCE_MS, TimeUnit.MILLISECONDS));
        assertEquals(429, http429.status());
        assertEquals("7", http429.retryAfter());
        assertEquals("HTTP 429: slow down", http429.describe());
    }

    @Test
    void aStreamAnsweredWithAWholeCompletionIsTakenAsOne() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(WHOLE).build());
        server.enqueue(new MockResponse.Builder().body(WHOLE).build());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"no streaming here\"}}").build());
        GatewayClient client = client();
        String answer = chunk("Hello", "think", "stop", new TokenUsage(3, 1, 4));
        client.stream(REQUEST, recorder);
        assertEquals(List.of(answer, "end true"), outcome());
        client.stream(REQUEST, recorder);
        assertEquals(List.of(answer, "end true"), outcome(), "no Content-Type at all");
        client.stream(REQUEST, recorder);
        assertEquals(List.of("failure Http: no streaming here"), outcome());
    }

    @Test
    void aStreamCutMidEventIsANetworkFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .setHeader("Content-Length", "1000").body("data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\ndata: {")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        client().stream(REQUEST, recorder);
        List<String> seen = outcome();
        assertEquals("open", seen.get(0));
        assertTrue(seen.get(seen.size() - 1).startsWith("failure Network: connection lost"), seen.toString());
    }

    @Test
    void aStreamThatGoesSilentFailsAsSilence() throws Exception {
        http = GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofMillis(300)).build();
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(Sse.stream().content("x").body()).bodyDelay(20, TimeUnit.SECONDS).build());
        client().stream(REQUEST, recorder);
        assertEquals(List.of("open", "failure Network: the server went silent (no data within the idle timeout)"),
                outcome());
        callsFinished();
        assertEquals(List.of(), new ArrayList<>(events), "one failure only");
    }

    @Test
    void aCancelledStreamReportsNothingMore() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(Sse.stream().content("x").body()).bodyDelay(20, TimeUnit.SECONDS).build());
        StreamCall call = client().stream(REQUEST, recorder);
        assertEquals("open", events.poll(PATIENCE_MS, TimeUnit.MILLISECONDS));
        call.cancel();
        callsFinished();
        assertEquals(List.of(), new ArrayList<>(events));
    }

    @Test
    void theModelListTakesEveryShapeAndWindowName() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"data\":[{\"id\":\"a\",\"context_length\":0,"
                + "\"context_window\":4096},{\"id\":\"b\",\"context_length\":\"big\"},{\"id\":\"c\",\"max_model_len\":32768},"
                + "{\"id\":\"\"},{\"object\":\"model\"}]}").build());
        server.enqueue(new MockResponse.Builder().body("[\"x\",{\"id\":\"y\",\"context_length\":-5}]").build());
        GatewayClient client = client();
        assertEquals(List.of(new ModelInfo("a", OptionalLong.of(4096)), new ModelInfo("b", OptionalLong.empty()),
                new ModelInfo("c", OptionalLong.of(32768))), client.modelInfo());
        assertEquals(List.of("x", "y"), client.models());
        assertEquals("/v1/models", server.takeRequest().getTarget());
    }

    @Test
    void aModelListRefusedOrGarbledIsAGatewayFailureWithTheKeyHidden() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").build());
        server.enqueue(new MockResponse.Builder().body("not json").build());
        GatewayClient client = client();
        GatewayException refused = assertThrows(GatewayException.class, client::modelInfo);
        assertEquals("HTTP 401: Incorrect API key provided: [key]", refused.failure().describe());
        assertEquals(new CallFailure.Protocol("the model list is not JSON"),
                assertThrows(GatewayException.class, client::models).failure());
        String url = server.url("/v1").toString();
        server.close();
        assertEquals(new CallFailure.Network("connection refused"),
                assertThrows(GatewayException.class, new GatewayClient(fresh(), url, null)::models).failure());
    }

    @Test
    void theClientsCallThreadIsReadyAtOnceAndEndsWhenIdleOrClosed() throws Exception {
        ThreadPoolExecutor threads = assertInstanceOf(ThreadPoolExecutor.class, http.dispatcher().executorService());
        assertEquals(1, threads.getCorePoolSize());
        assertTrue(threads.allowsCoreThreadTimeOut());
        assertEquals(1, threads.getPoolSize(), "started before the first call");
        server.enqueue(new MockResponse.Builder().body("[\"x\"]").build());
        GatewayClient client = client();
        client.models();
        assertEquals(1, http.connectionPool().connectionCount());
        client.close();
        assertTrue(threads.isShutdown());
        assertEquals(0, http.connectionPool().connectionCount());
    }

    @Test
    void eachNetworkFailureSaysWhichWayItFailed() {
        assertEquals("cannot resolve host gateway.example", GatewayClient.network(new UnknownHostException("gateway.example")).describe());
        assertEquals("connection refused", GatewayClient.network(new ConnectException("Connection refused")).describe());
        assertEquals("the call was interrupted", GatewayClient.network(new InterruptedIOException("interrupted")).describe());
        assertEquals("connection lost (reset)", GatewayClient.network(new IOException("reset\nby peer")).describe());
        assertEquals("connection lost", GatewayClient.network(new IOException("\nsecond line")).describe());
        assertEquals("connection lost", GatewayClient.network(new IOException("  ")).describe());
    }
}

package ai.holysheep.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An event past {@code retry.max_event_size} is a protocol failure, before it can exhaust memory. */
@Timeout(20)
class MaxEventSizeTest {
    private MockWebServer server;
    private OkHttpClient http;
    private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = GatewayClient.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().cancelAll();
    }

    @Test
    void anEventOverTheCapEndsTheCallWithOneLine() throws Exception {
        server.enqueue(Sse.stream().role().content("x".repeat(5_000)).done().response());
        Object outcome = run(1_024);
        CallFailure.Protocol failure = assertInstanceOf(CallFailure.Protocol.class, outcome, String.valueOf(outcome));
        assertEquals("the server sent an event larger than 1024 bytes (retry.max_event_size)", failure.describe());
    }

    @Test
    void aLineWithoutEndOverTheCapIsCaughtToo() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: " + "y".repeat(50_000)).build());
        assertInstanceOf(CallFailure.Protocol.class, run(1_024));
    }

    @Test
    void theNextCallAfterAnOversizedEventIsAnswered() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: " + "y".repeat(200_000)).build());
        server.enqueue(Sse.stream().role().content("ok").finish("stop").done().response());
        assertInstanceOf(CallFailure.Protocol.class, run(1_024));
        assertEquals(Boolean.TRUE, run(1_024));
    }

    @Test
    void manySmallEventsAddingUpToMoreThanTheCapAreFine() throws Exception {
        Sse sse = Sse.stream().crlf().role();
        for (int i = 0; i < 200; i++) {
            sse.content("안녕하세요 ");
        }
        server.enqueue(sse.finish("stop").done().response());
        assertEquals(Boolean.TRUE, run(1_024));
    }

    /** Streams one call; the outcome is the failure, or whether [DONE] was seen. */
    private Object run(long cap) throws InterruptedException {
        GatewayClient client = new GatewayClient(http, server.url("/v1").toString(), null, cap, null);
        client.stream(new ChatRequest("m", java.util.List.of(ChatMessage.user("hi")), null, null), new StreamListener() {
            @Override
            public void onChunk(Chunk chunk) {
            }

            @Override
            public void onEnd(boolean sawDone) {
                outcomes.add(sawDone);
            }

            @Override
            public void onFailure(CallFailure failure) {
                outcomes.add(failure);
            }
        });
        return outcomes.poll(GatewayClientTest.PATIENCE_MS, TimeUnit.MILLISECONDS);
    }
}

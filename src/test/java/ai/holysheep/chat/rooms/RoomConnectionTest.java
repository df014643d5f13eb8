package ai.holysheep.chat.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import ai.holysheep.chat.config.Secret;
import ai.holysheep.chat.config.ServerSettings;
import ai.holysheep.chat.stream.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link a member keeps to a room, against a scripted relay: what it asks for on reconnecting,
 * how long it waits, and that a message it cannot confirm is sent again under the same id.
 */
@Timeout(30)
class RoomConnectionTest {
    private static final long SEED = 42;
    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(500), 2, Duration.ofSeconds(8),
            0.2, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), ResumeMode.CONTINUE);

    private final MockWebServer server = new MockWebServer();
    private final StepScheduler time = new StepScheduler();
    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    /** Every say frame the scripted relay received, from every connection. */
    private final BlockingQueue<JsonNode> said = new LinkedBlockingQueue<>();
    private final java.util.List<WebSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private RoomsClient client;
    private RoomConnection connection;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = new RoomsClient(new ServerSettings(server.url("/").toString().replaceFirst("/$", ""),
                new Secret("hsm_test_token_0001")), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        client.close();
        sockets.forEach(s -> s.close(1001, null));
        server.close();
    }

    private RoomConnection connect(long after) {
        connection = new RoomConnection(client, "team", after, RETRY, time, new SplittableRandom(SEED),
                new RoomConnection.Listener() {
                    @Override
                    public void frame(RoomFrame frame) {
                        heard.add(frame);
                    }

                    @Override
                    public void state(RoomConnection.State state) {
                        heard.add(state);
                    }
                });
        connection.start();
        return connection;
    }

    /** A relay connection that sends {@code replay} and {@code live}, then does {@code onSay} with each say. */
    private MockResponse relay(String[] replay, long lastSeq, Consumer<Said> onSay) {
        return relay(replay, lastSeq, onSay, socket -> { });
    }

    private MockResponse relay(String[] replay, long lastSeq, Consumer<Said> onSay, Consumer<WebSocket> afterLive) {
        return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, okhttp3.Response response) {
                sockets.add(socket);
                for (String frame : replay) {
                    socket.send(frame);
                }
                socket.send("{\"type\":\"live\",\"last_seq\":" + lastSeq + "}");
                afterLive.accept(socket);
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
                try {
                    JsonNode frame = Json.MAPPER.readTree(text);
                    said.add(frame);
                    onSay.accept(new Said(socket, frame));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }).build();
    }

    private record Said(WebSocket socket, JsonNode frame) {
        void echo(long seq) {
            socket.send(message(seq, frame.get("id").asText(), "alice", "member", frame.get("text").asText(), "complete"));
        }
    }

    private static String message(long seq, String id, String author, String role, String text, String status) {
        return "{\"type\":\"message\",\"seq\":" + seq + ",\"id\":" + (id == null ? "null" : "\"" + id + "\"")
                + ",\"author\":\"" + author + "\",\"role\":\"" + role + "\",\"text\":\"" + text + "\",\"status\":\""
                + status + "\",\"at\":\"2026-12-02T10:00:00Z\"}";
    }

    @SuppressWarnings("unchecked")
    private <T> T await(Class<T> type, Predicate<T> wanted) throws InterruptedException {
        while (true) {
            Object next = heard.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("nothing like a " + type.getSimpleName() + " within 10 s");
            }
            if (type.isInstance(next) && wanted.test((T) next)) {
                return (T) next;
            }
        }
    }

    @Test
    void aMessageWhoseLinkDroppedBeforeItsEchoIsSentAgainUnderTheSameIdAfterABackoff() throws Exception {
        server.enqueue(relay(new String[0], 0, s -> s.socket().close(1001, "going away")));
        server.enqueue(relay(new String[0], 0, s -> s.echo(1)));
        connect(0);
        String id = connection.say("안녕하세요", null);

        RoomConnection.State.Reconnecting lost = await(RoomConnection.State.Reconnecting.class, r -> true);
        assertEquals(1, lost.attempt());
        Duration expected = new RetryPolicy(RETRY, time.clock(), new SplittableRandom(SEED)).backoff(1);
        assertEquals(expected, lost.delay(), "the project's backoff, with its jitter");
        StepScheduler.Task reconnect = time.next();
        assertEquals(expected, reconnect.delay());
        reconnect.run().run();

        RoomFrame.Posted echo = await(RoomFrame.Posted.class, p -> id.equals(p.message().id()));
        assertEquals(1, echo.message().seq());
        assertEquals(id, said.poll(5, TimeUnit.SECONDS).get("id").asText());
        assertEquals(id, said.poll(5, TimeUnit.SECONDS).get("id").asText(), "the resend carries the same id");
        assertEquals(0, connection.waiting());
    }

    @Test
    void severalFramesInOneWebSocketMessageAreTakenOneByOneInOrder() throws Exception {
        // A busy relay joins what is waiting for a member into one message, one frame per line.
        String joined = message(1, "a1", "alice", "member", "첫째", "complete") + "\n"
                + message(2, null, "gpt-4.1", "model", "", "streaming") + "\n"
                + "{\"type\":\"delta\",\"seq\":2,\"text\":\"둘\"}";
        server.enqueue(relay(new String[] {joined}, 2, s -> { }));
        connect(0);

        assertEquals("첫째", await(RoomFrame.Posted.class, p -> p.message().seq() == 1).message().text());
        assertEquals(2, await(RoomFrame.Posted.class, p -> true).message().seq(), "the second line, next");
        assertEquals("둘", await(RoomFrame.Delta.class, d -> true).text());
        await(RoomFrame.Live.class, l -> true);
        assertEquals(1, connection.after(), "the streaming answer on the second line was seen");
    }

    @Test
    void theModelChosenForAMessageGoesWithItAndWithItsResend() throws Exception {
        server.enqueue(relay(new String[0], 0, s -> s.socket().close(1001, "going away")));
        server.enqueue(relay(new String[0], 0, s -> s.echo(1)));
        connect(0);
        String id = connection.say("@ai hello", "deepseek-v3.2");
        await(RoomConnection.State.Reconnecting.class, r -> true);
        time.next().run().run();

        await(RoomFrame.Posted.class, p -> id.equals(p.message().id()));
        for (int i = 0; i < 2; i++) {
            JsonNode frame = said.poll(5, TimeUnit.SECONDS);
            assertEquals(id, frame.get("id").asText());
            assertEquals("deepseek-v3.2", frame.path("model").asText(), "sent and resent with the model: " + frame);
        }
        connection.say("no model chosen", null);
        assertTrue(!said.poll(5, TimeUnit.SECONDS).has("model"), "no model, no field");
    }

    @Test
    void anEchoThatNeverComesCountsAsADeadLink() throws Exception {
        server.enqueue(relay(new String[0], 0, s -> { }));
        server.enqueue(relay(new String[0], 0, s -> s.echo(1)));
        connect(0);
        String id = connection.say("hello", null);
        assertEquals(id, said.poll(5, TimeUnit.SECONDS).get("id").asText());

        StepScheduler.Task patience = time.next();
        assertEquals(RETRY.idleTimeout(), patience.delay(), "an echo is waited for as long as the idle timeout");
        patience.run().run();
        RoomConnection.State.Reconnecting lost = await(RoomConnection.State.Reconnecting.class, r -> true);
        assertTrue(lost.reason().contains("no echo"), lost.reason());
        time.next().run().run();

        await(RoomFrame.Posted.class, p -> id.equals(p.message().id()));
        assertEquals(id, said.poll(5, TimeUnit.SECONDS).get("id").asText());
    }

    @Test
    void aReconnectAsksForEverythingAfterTheLastFinalMessageSoAStreamingAnswerComesBackWhole() throws Exception {
        String question = message(1, "q1", "alice", "member", "@ai hi", "complete");
        // The relay goes away right after the replay, as one restarting does (close code 1001).
        server.enqueue(relay(new String[] {question, message(2, null, "gpt-4.1", "model", "Hel", "streaming")}, 2,
                s -> { }, socket -> socket.close(1001, "the server is shutting down")));
        server.enqueue(relay(new String[] {message(2, null, "gpt-4.1", "model", "Hello!", "complete")}, 2, s -> { }));
        connect(0);
        await(RoomConnection.State.Connected.class, c -> true);
        assertEquals("after=0", server.takeRequest().getUrl().query());
        RoomConnection.State.Reconnecting lost = await(RoomConnection.State.Reconnecting.class, r -> true);
        assertTrue(lost.reason().contains("shutting down"), lost.reason());
        assertEquals(1, connection.after(), "the streaming answer stays out of after");

        time.next().run().run();
        RoomFrame.Posted replayed = await(RoomFrame.Posted.class, p -> p.message().seq() == 2);
        assertEquals("Hello!", replayed.message().text());
        RecordedRequest reconnect = server.takeRequest();
        assertEquals("after=1", reconnect.getUrl().query());
        assertEquals("Bearer hsm_test_token_0001", reconnect.getHeaders().get("Authorization"));
        await(RoomConnection.State.Connected.class, c -> true);
        assertEquals(2, connection.after());
    }

    @Test
    void aRefusedTokenEndsTheLinkWithoutRetrying() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"no\"}}").build());
        connect(0);
        RoomConnection.State.Closed closed = await(RoomConnection.State.Closed.class, c -> true);
        assertEquals(RoomsException.Kind.AUTH, closed.kind());
        assertTrue(closed.message().contains("refused the member token"), closed.message());
        assertTrue(time.idle(), "nothing is retried");
    }
}

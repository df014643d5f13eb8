package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.Sse;
import ai.holysheep.chat.config.ResumeMode;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream cut at every byte of an answer with Hangul in it (so many cuts land inside a
 * character) is taken up again and the user ends up with exactly the answer, once, in order.
 * {@code -Dresume.stride=N} cuts at every N-th byte only (the mutation run, which repeats this
 * test for many mutants; each event is still cut at many places).
 */
class ResumeTest {
    static final List<String> PIECES = List.of("안녕", "하세요", "! ", "Resume", " works", ": ", "한국어", " 답변", "도 ",
            "끊김", " 없이", " 이어", "집니다", ".");
    static final String ANSWER = String.join("", PIECES);
    static final int STRIDE = Integer.getInteger("resume.stride", 1);

    MockWebServer server;
    OkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = TurnRun.http(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
        http.connectionPool().evictAll();
    }

    static String body(List<String> pieces) {
        Sse sse = Sse.stream().role();
        for (String p : pieces) {
            sse.content(p);
        }
        return sse.finish("stop").usage(12, pieces.size()).done().body();
    }

    /** The first request is cut after {@code cut} bytes; later ones answer as a well-behaved server would. */
    static final class CutOnce extends Dispatcher {
        final AtomicInteger requests = new AtomicInteger();
        final int cut;
        final List<String> later;
        volatile String problem;

        CutOnce(int cut, List<String> later) {
            this.cut = cut;
            this.later = later;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (requests.incrementAndGet() == 1) {
                return Faults.dropAfter(body(PIECES), cut);
            }
            String prefill = prefill(request);
            if (prefill == null) {
                return sse(body(later));
            }
            // A continuation: the rest of the answer after the partial one sent back.
            int at = 0;
            int i = 0;
            while (i < later.size() && at < prefill.length()) {
                at += later.get(i++).length();
            }
            if (at != prefill.length() || !String.join("", later).startsWith(prefill)) {
                problem = "the partial answer sent back is not whole pieces of the answer: " + prefill;
            }
            return sse(body(later.subList(i, later.size())));
        }
    }

    static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    static String prefill(RecordedRequest request) {
        try {
            JsonNode messages = Json.MAPPER.readTree(request.getBody().utf8()).get("messages");
            JsonNode last = messages.get(messages.size() - 1);
            return "assistant".equals(last.get("role").asText()) ? last.get("content").asText() : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void everyCutGivesTheExactAnswer(ResumeMode mode) throws Exception {
        GatewayClient client = new GatewayClient(http, server.url("/v1").toString(), null);
        int length = body(PIECES).getBytes(StandardCharsets.UTF_8).length;
        for (int cut = 0; cut <= length; cut += STRIDE) {
            CutOnce dispatcher = new CutOnce(cut, PIECES);
            server.setDispatcher(dispatcher);
            TurnRun.Outcome o = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(3, mode));
            String where = mode + " cut after " + cut + " of " + length + " bytes: ";
            assertInstanceOf(StreamEvent.Done.class, o.terminal(), where + o.events());
            assertEquals(ANSWER, o.text(), where + o.events());
            assertFalse(o.text().contains("\uFFFD"), where);
            assertEquals(null, dispatcher.problem, where);
            for (StreamEvent e : o.events()) {
                if (e instanceof StreamEvent.Resumed r) {
                    assertFalse(r.diverged(), where);
                }
            }
        }
    }

    @Test
    void continueSurvivesACutAtEveryByte() throws Exception {
        everyCutGivesTheExactAnswer(ResumeMode.CONTINUE);
    }

    @Test
    void restartSurvivesACutAtEveryByte() throws Exception {
        everyCutGivesTheExactAnswer(ResumeMode.RESTART);
    }

    @Test
    void aRestartThatAnswersDifferentlyReplacesTheAnswerAndSaysSo() throws Exception {
        List<String> other = List.of("안녕", "! ", "A different", " answer", " this time.");
        String body = body(PIECES);
        int cut = body.indexOf("Resume") + 40;
        server.setDispatcher(new CutOnce(cut, other));
        GatewayClient client = new GatewayClient(http, server.url("/v1").toString(), null);
        TurnRun.Outcome o = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(3, ResumeMode.RESTART));
        assertEquals(String.join("", other), o.text());
        assertEquals(List.of(new StreamEvent.Resumed(2, 0, true)), o.all(StreamEvent.Resumed.class));
        assertInstanceOf(StreamEvent.Done.class, o.terminal());
    }

    @Test
    void aRestartThatIsAShorterPrefixAlsoCountsAsDiverged() throws Exception {
        List<String> shorter = List.of("안녕");
        int cut = body(PIECES).indexOf("Resume") + 40;
        server.setDispatcher(new CutOnce(cut, shorter));
        GatewayClient client = new GatewayClient(http, server.url("/v1").toString(), null);
        TurnRun.Outcome o = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(3, ResumeMode.RESTART));
        assertEquals("안녕", o.text());
        assertTrue(o.all(StreamEvent.Resumed.class).get(0).diverged());
    }

    @Test
    void aContinuationThatRepeatsTheTailShowsItOnce() throws Exception {
        // Some models start a continuation by restating the end of the partial answer.
        String body = body(PIECES);
        int cut = body.indexOf("끊김");
        String shown = String.join("", PIECES.subList(0, 9));
        String tail = shown.substring(shown.length() - 20);
        server.setDispatcher(new Dispatcher() {
            final AtomicInteger n = new AtomicInteger();

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (n.incrementAndGet() == 1) {
                    return Faults.dropAfter(body, cut);
                }
                // the repeat arrives split over several small chunks
                return sse(body(List.of(tail.substring(0, 5), tail.substring(5, 13), tail.substring(13),
                        "끊김 없이 이어집니다.")));
            }
        });
        GatewayClient client = new GatewayClient(http, server.url("/v1").toString(), null);
        TurnRun.Outcome o = TurnRun.run(client, TurnRun.ASK, TurnRun.settings(3, ResumeMode.CONTINUE));
        assertEquals(ANSWER, o.text());
        assertEquals(List.of(new StreamEvent.Resumed(2, shown.length(), false)), o.all(StreamEvent.Resumed.class));
    }
}

package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.Json;
import ai.holysheep.chat.api.Sse;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A turn against a scripted gateway on loopback: what gets retried, what never is, and what the user sees. */
class TurnTest {
    static final RetrySettings RETRY = TurnRun.settings(8, ResumeMode.CONTINUE);
    static final String ANSWER = "안녕하세요! Hello there.";

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
        http.dispatcher().cancelAll();
        http.connectionPool().evictAll();
    }

    GatewayClient client() {
        return new GatewayClient(http, server.url("/v1").toString(), null);
    }

    static String answerBody(String... pieces) {
        Sse sse = Sse.stream().role();
        for (String p : pieces) {
            sse.content(p);
        }
        return sse.finish("stop").usage(9, pieces.length).done().body();
    }

    static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    JsonNode request(int n) throws Exception {
        RecordedRequest r = null;
        for (int i = 0; i < n; i++) {
            r = server.takeRequest(5, TimeUnit.SECONDS);
        }
        return Json.MAPPER.readTree(r.getBody().utf8());
    }

    @Test
    void aRetriedAttemptThatThinksAgainShowsOnlyTheReasoningBeyondWhatWasShown() throws Exception {
        String thought = Sse.stream().role().reasoning("reasoning_content", "먼저 ").reasoning("reasoning_content", "생각")
                .body();
        server.enqueue(Faults.dropAfter(thought + Sse.stream().content("never").body(),
                thought.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        server.enqueue(sse(Sse.stream().role().reasoning("reasoning_content", "먼저 ").reasoning("reasoning_content", "생각")
                .reasoning("reasoning_content", "해 보면").content("답").finish("stop").done().body()));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);

        assertEquals("답", o.text());
        List<StreamEvent.Reasoning> shown = o.all(StreamEvent.Reasoning.class);
        assertEquals("먼저 생각해 보면", shown.stream().map(StreamEvent.Reasoning::text).reduce("", String::concat));
        assertTrue(shown.stream().noneMatch(r -> r.text().isEmpty()), "nothing already shown comes again: " + shown);
        assertEquals(1, o.all(StreamEvent.Retrying.class).size());
        assertEquals(2, o.all(StreamEvent.Usage.class).get(0).wasted().completionTokens(),
                "the broken attempt's reasoning was generated, and billed, too");
    }

    @Test
    void a503IsRetriedAfterABackoffAndTheAnswerThenArrives() throws Exception {
        server.enqueue(Faults.status(503, "Service Unavailable"));
        server.enqueue(sse(answerBody("안녕하세요! ", "Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        StreamEvent.Retrying retrying = o.all(StreamEvent.Retrying.class).get(0);
        assertEquals(1, retrying.attempt());
        assertEquals(8, retrying.max());
        assertEquals("HTTP 503: Service Unavailable", retrying.reason());
        assertTrue(retrying.delay().toMillis() >= 400 && retrying.delay().toMillis() <= 600, retrying.delay().toString());
        assertTrue(o.all(StreamEvent.Resumed.class).isEmpty(), "nothing was shown before, so nothing resumed");
        assertInstanceOf(StreamEvent.Done.class, o.terminal());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void a429WaitsExactlyAsLongAsRetryAfterSays() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"error\":{\"message\":\"Rate limit reached\"}}").build());
        server.enqueue(sse(answerBody("ok")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals("ok", o.text());
        assertEquals(List.of(Duration.ofSeconds(3)), o.scheduler().waits());
    }

    @Test
    void aServerAskingForTooLongAWaitEndsTheTurnSayingWhen() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120")
                .body("{\"error\":{\"message\":\"Rate limit reached\"}}").build());
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        StreamEvent.GaveUp up = assertInstanceOf(StreamEvent.GaveUp.class, o.terminal());
        assertEquals("HTTP 429: Rate limit reached; the server asks to wait 120s (until 14:32:05); try again then",
                up.lastError());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void unauthorizedIsNeverRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Invalid API key\"}}").build());
        server.enqueue(sse(answerBody("should never be asked for")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        StreamEvent.Failed failed = assertInstanceOf(StreamEvent.Failed.class, o.terminal());
        assertEquals(FailureKind.AUTH, failed.kind());
        assertEquals(1, server.getRequestCount());
        assertTrue(o.all(StreamEvent.Retrying.class).isEmpty());
    }

    @Test
    void aBadRequestIsNeverRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"messages must not be empty\"}}").build());
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        StreamEvent.Failed failed = assertInstanceOf(StreamEvent.Failed.class, o.terminal());
        assertEquals(FailureKind.REJECTED, failed.kind());
        assertEquals("HTTP 400: messages must not be empty", failed.message());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void whenRetriesRunOutTheTurnGivesUpNamingTheLastError() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Faults.status(502, "Bad Gateway"));
        }
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, TurnRun.settings(3, ResumeMode.CONTINUE));
        StreamEvent.GaveUp up = assertInstanceOf(StreamEvent.GaveUp.class, o.terminal());
        assertEquals(4, up.attempts());
        assertEquals("HTTP 502: Bad Gateway", up.lastError());
        List<StreamEvent.Retrying> retries = o.all(StreamEvent.Retrying.class);
        assertEquals(List.of(1, 2, 3), retries.stream().map(StreamEvent.Retrying::attempt).toList());
        Duration waited = o.scheduler().waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(waited, up.downtime());
        assertTrue(o.scheduler().waits().get(2).compareTo(o.scheduler().waits().get(0)) > 0, "the backoff grows");
    }

    @Test
    void timeTheAnswerSpentArrivingIsNotDowntime() throws Exception {
        server.enqueue(Faults.status(503, "Service Unavailable"));
        server.enqueue(sse(Sse.stream().role().content("안녕하세요! ").content("Hello").body())); // progress, then a drop
        server.enqueue(Faults.status(503, "Service Unavailable"));
        ManualScheduler scheduler = new ManualScheduler();
        BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        Turn turn = new Turn(client(), TurnRun.ASK, event -> {
            if (event instanceof StreamEvent.Delta d && d.text().equals("Hello")) {
                scheduler.advance(Duration.ofMinutes(10)); // the answer streams for a while before it breaks
            }
            events.add(event);
        }, TurnRun.settings(1, ResumeMode.CONTINUE), scheduler);
        turn.start();
        StreamEvent event;
        while (!(event = TurnRun.next(events)).isTerminal()) {
            if (event instanceof StreamEvent.Retrying) {
                scheduler.runNext();
            }
        }
        StreamEvent.GaveUp up = assertInstanceOf(StreamEvent.GaveUp.class, event);
        assertEquals(scheduler.waits().stream().reduce(Duration.ZERO, Duration::plus), up.downtime(),
                "only the waits before and after the streaming count: " + scheduler.waits());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void anAnswerTheServerFinishesWithAnErrorIsRetried() throws Exception {
        server.enqueue(sse(Sse.stream().role().content("안녕하세요! ").finish("error").done().body()));
        server.enqueue(sse(answerBody("Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        assertEquals(new StreamEvent.Done("stop"), o.terminal());
        assertEquals("the server ended the answer with an error", o.all(StreamEvent.Retrying.class).get(0).reason());
    }

    static final String FOX = "The quick brown fox jumps over the lazy dog";

    @Test
    void aContinuationHeldBackAsAPossibleRepeatIsShownWhenItEnds() throws Exception {
        server.enqueue(cutAfter("The quick brown fox", " jumps over", " the lazy dog"));
        // " jumps" could still become a repeat of " jumps over the lazy dog", so it waits for more.
        server.enqueue(sse(answerBody(" jumps")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(FOX + " jumps", o.text());
        assertEquals(new StreamEvent.Done("stop"), o.terminal());
    }

    @Test
    void aContinuationHeldBackAsAPossibleRepeatIsShownWhenTheBudgetRunsOut() throws Exception {
        server.enqueue(cutAfter("The quick brown fox", " jumps over", " the lazy dog"));
        server.enqueue(cutAfter(" jumps"));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK.withMaxTokens(4), RETRY);
        assertEquals(FOX + " jumps", o.text());
        assertEquals(new StreamEvent.Done("length"), o.terminal());
    }

    @Test
    void aFailedAttemptLetsGoOfItsConnectionAtOnce() throws Exception {
        http = TurnRun.http(Duration.ofSeconds(60)); // left alone, the stalled call would linger this long
        String broken = Sse.stream().role().content("안녕하세요! ")
                .data("{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}").body();
        server.enqueue(Faults.stallMidway(broken + " ".repeat(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
        server.enqueue(sse(answerBody("Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        FaultMatrixTest.assertNoCallLeft(http, "after the answer: ");
    }

    @Test
    void cancellingMidAnswerLetsGoOfTheConnectionAtOnce() throws Exception {
        http = TurnRun.http(Duration.ofSeconds(60));
        server.enqueue(Faults.stallMidway(answerBody("안녕하세요! ", "Hello there.")));
        BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        Turn turn = new Turn(client(), TurnRun.ASK, events::add, RETRY, new ManualScheduler());
        turn.start();
        assertInstanceOf(StreamEvent.Delta.class, TurnRun.next(events));
        turn.cancel();
        assertInstanceOf(StreamEvent.Cancelled.class, TurnRun.next(events));
        FaultMatrixTest.assertNoCallLeft(http, "after the cancel: ");
    }

    @Test
    void anInStreamServerErrorIsRetriedAndTheAnswerContinues() throws Exception {
        server.enqueue(sse(Sse.stream().role().content("안녕하세요! ")
                .data("{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}").body()));
        server.enqueue(sse(answerBody("Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        assertEquals("upstream overloaded", o.all(StreamEvent.Retrying.class).get(0).reason());
        assertEquals(List.of(new StreamEvent.Resumed(2, 7, false)), o.all(StreamEvent.Resumed.class));
        JsonNode second = request(2);
        assertEquals("assistant", second.at("/messages/1/role").asText());
        assertEquals("안녕하세요! ", second.at("/messages/1/content").asText());
    }

    @Test
    void anErrorBlamingTheRequestIsNotRetried() throws Exception {
        server.enqueue(sse(Sse.stream().content("partial ").data("{\"error\":{\"message\":\"context length exceeded\","
                + "\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}").body()));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(FailureKind.REJECTED, assertInstanceOf(StreamEvent.Failed.class, o.terminal()).kind());
        assertEquals("partial ", o.text());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aDropMidAnswerContinuesFromWhereItStopped() throws Exception {
        String first = answerBody("안녕하세요! ", "Hello", " there.");
        int cut = first.indexOf(" there.") + 3; // inside the third event
        server.enqueue(Faults.dropAfter(first, cut));
        server.enqueue(sse(answerBody(" there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        assertInstanceOf(StreamEvent.Done.class, o.terminal());
        JsonNode continuation = request(2);
        assertEquals("안녕하세요! Hello", continuation.at("/messages/1/content").asText());
        assertTrue(continuation.path("max_tokens").isMissingNode(), "no limit asked, none invented: " + continuation);
        StreamEvent.Usage usage = o.all(StreamEvent.Usage.class).get(0);
        assertTrue(usage.wasted().promptTokens() > 0, "the re-sent prompt counts as wasted: " + usage);
        assertEquals(2, usage.wasted().completionTokens(), "two chunks arrived before the drop");
    }

    @Test
    void aStallBeyondTheIdleTimeoutIsRetried() throws Exception {
        http = TurnRun.http(TurnRun.STALL_TIMEOUT);
        server.enqueue(Faults.stallMidway(answerBody("안녕하세요! ", "Hello", " there.")));
        server.enqueue(sse(answerBody("안녕하세요! Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, TurnRun.settings(8, ResumeMode.RESTART));
        assertEquals(ANSWER, o.text());
        assertEquals("the server went silent (no data within the idle timeout)",
                o.all(StreamEvent.Retrying.class).get(0).reason());
    }

    @Test
    void aStreamEndingWithoutFinishOrDoneAfterTextIsTreatedAsADrop() throws Exception {
        server.enqueue(sse(Sse.stream().role().content("안녕하세요! ").body()));
        server.enqueue(sse(answerBody("Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void unmarkedEndsAreRetriedOnEveryAttemptUntilAProperEnd() throws Exception {
        server.enqueue(sse(Sse.stream().role().content("안녕하세요! ").body()));
        for (int i = 0; i < 3; i++) {
            server.enqueue(sse(Sse.stream().role().body())); // adds nothing, ends unmarked
        }
        server.enqueue(sse(answerBody("Hello there.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(ANSWER, o.text());
        assertInstanceOf(StreamEvent.Done.class, o.terminal());
        assertEquals(5, server.getRequestCount());
    }

    @Test
    void dropsThatEachAddToTheAnswerEarnAFreshBudgetEveryTime() throws Exception {
        String[] pieces = {"안녕", "하세요", "! ", "Hello", " there"};
        for (String piece : pieces) {
            server.enqueue(sse(Sse.stream().role().content(piece).body())); // adds, then drops
        }
        server.enqueue(sse(answerBody(".")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, TurnRun.settings(2, ResumeMode.CONTINUE));
        assertInstanceOf(StreamEvent.Done.class, o.terminal());
        assertEquals(ANSWER, o.text());
        List<StreamEvent.Retrying> retries = o.all(StreamEvent.Retrying.class);
        assertEquals(5, retries.size(), "more drops in all than max_retries allows in a row");
        assertEquals(List.of(1, 1, 1, 1, 1), retries.stream().map(StreamEvent.Retrying::attempt).toList(),
                "each drop came after progress, so each is the first in a row");
    }

    @Test
    void attemptsThatOnlyRepeatWhatWasShownEarnNoFreshBudget() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.enqueue(sse(Sse.stream().role().content("안녕하세요! ").body())); // the same start, then a drop
        }
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, TurnRun.settings(2, ResumeMode.RESTART));
        StreamEvent.GaveUp up = assertInstanceOf(StreamEvent.GaveUp.class, o.terminal());
        assertEquals("the stream ended without finishing the answer", up.lastError());
        assertEquals("안녕하세요! ", o.text());
        assertEquals(3, server.getRequestCount(), "the first attempt made progress, the next two only repeated it");
    }

    @Test
    void aDropAfterTheFinishReasonEndsTheAnswerWithoutAskingAgain() throws Exception {
        String finished = Sse.stream().role().content(ANSWER).finish("stop").body();
        String body = finished + Sse.stream().usage(9, 1).done().body();
        server.enqueue(Faults.dropAfter(body, finished.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        server.enqueue(sse(answerBody("should never be asked for")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, RETRY);
        assertEquals(new StreamEvent.Done("stop"), o.terminal());
        assertEquals(ANSWER, o.text());
        assertTrue(o.all(StreamEvent.Retrying.class).isEmpty(), o.events().toString());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void onlyUnmarkedEndsGiveUpAfterMaxRetries() throws Exception {
        server.enqueue(sse(Sse.stream().role().content(ANSWER).body()));
        for (int i = 0; i < 3; i++) {
            server.enqueue(sse(Sse.stream().role().body()));
        }
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK, TurnRun.settings(3, ResumeMode.CONTINUE));
        StreamEvent.GaveUp up = assertInstanceOf(StreamEvent.GaveUp.class, o.terminal());
        assertEquals("the stream ended without finishing the answer", up.lastError());
        assertEquals(ANSWER, o.text());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void cancellingWhileWaitingToRetryEndsTheTurnAndNoRetryFollows() throws Exception {
        server.enqueue(Faults.status(503, "Service Unavailable"));
        ManualScheduler scheduler = new ManualScheduler();
        BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        Turn turn = new Turn(client(), TurnRun.ASK, events::add, RETRY, scheduler);
        turn.start();
        assertInstanceOf(StreamEvent.Retrying.class, TurnRun.next(events));
        turn.cancel();
        assertInstanceOf(StreamEvent.Cancelled.class, TurnRun.next(events));
        scheduler.runNext();
        assertEquals(1, server.getRequestCount());
        assertTrue(events.isEmpty(), events.toString());
    }

    /** The answer's first events, then the connection is lost inside the one after them. */
    static MockResponse cutAfter(String... pieces) {
        Sse sse = Sse.stream().role();
        for (String p : pieces) {
            sse.content(p);
        }
        String body = sse.content("never arrives").body();
        return Faults.dropAfter(body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 20);
    }

    List<Integer> maxTokensAsked() throws Exception {
        List<Integer> asked = new java.util.ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            JsonNode limit = Json.MAPPER.readTree(r.getBody().utf8()).path("max_tokens");
            asked.add(limit.isMissingNode() ? null : limit.asInt());
        }
        return asked;
    }

    @Test
    void eachContinuationAsksOnlyForTheTokensTheAnswerHasLeft() throws Exception {
        server.enqueue(cutAfter("One", " two", " three"));
        server.enqueue(cutAfter(" four", " five"));
        server.enqueue(sse(answerBody(" six.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK.withMaxTokens(10), RETRY);
        assertEquals("One two three four five six.", o.text());
        assertInstanceOf(StreamEvent.Done.class, o.terminal());
        assertEquals(List.of(10, 7, 5), maxTokensAsked(), "three chunks, then two, were already received");
    }

    @Test
    void aBrokenAttemptsReportedUsageCountsRatherThanTheEstimate() throws Exception {
        String first = Sse.stream().role().content("One").content(" two").usage(20, 6).content("never arrives").body();
        server.enqueue(Faults.dropAfter(first, first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 20));
        server.enqueue(sse(answerBody(" three.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK.withMaxTokens(10), RETRY);
        assertEquals("One two three.", o.text());
        assertEquals(List.of(10, 4), maxTokensAsked());
    }

    @Test
    void anAnswerThatUsedItsWholeBudgetEndsCutOffInsteadOfAskingAgain() throws Exception {
        server.enqueue(cutAfter("One", " two", " three"));
        server.enqueue(sse(answerBody(" should never be asked for")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK.withMaxTokens(3), RETRY);
        assertEquals("One two three", o.text());
        assertEquals(new StreamEvent.Done("length"), o.terminal());
        assertTrue(o.all(StreamEvent.Retrying.class).isEmpty(), o.events().toString());
        assertEquals(3, o.all(StreamEvent.Usage.class).get(0).wasted().completionTokens());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRestartedAnswerHasTheWholeBudgetAgain() throws Exception {
        server.enqueue(cutAfter("One", " two", " three"));
        server.enqueue(sse(answerBody("One two three four.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK.withMaxTokens(3), TurnRun.settings(8, ResumeMode.RESTART));
        assertEquals("One two three four.", o.text());
        assertEquals(List.of(3, 3), maxTokensAsked(), "a restart produces the answer from its first token");
    }

    @Test
    void anAttemptThatStartsAfreshAfterOneThatOnlyThoughtHasTheWholeBudgetAgain() throws Exception {
        String thought = Sse.stream().role().reasoning("reasoning_content", "a").reasoning("reasoning_content", "b")
                .reasoning("reasoning_content", "c").body();
        server.enqueue(Faults.dropAfter(thought + Sse.stream().content("never").body(),
                thought.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        server.enqueue(cutAfter("One", " two"));
        server.enqueue(sse(answerBody(" three.")));
        TurnRun.Outcome o = TurnRun.run(client(), TurnRun.ASK.withMaxTokens(5), RETRY);
        assertEquals("One two three.", o.text());
        assertEquals(List.of(5, 5, 3), maxTokensAsked(), "nothing was shown, so the second attempt answers from the start");
    }

    @Test
    void aWholeAnswerWaitsAsRetryAfterSaysAndArrivesAsOnePiece() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"error\":{\"message\":\"Rate limit reached\"}}").build());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"choices\":[{\"message\":{\"content\":" + Sse.quote(ANSWER) + "},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}").build());
        ManualScheduler scheduler = new ManualScheduler();
        BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        Turn.unstreamed(client(), TurnRun.ASK, events::add, RETRY, scheduler).start();
        StreamEvent.Retrying retrying = assertInstanceOf(StreamEvent.Retrying.class, TurnRun.next(events));
        assertEquals("HTTP 429: Rate limit reached", retrying.reason());
        scheduler.runNext();
        assertEquals(List.of(Duration.ofSeconds(3)), scheduler.waits());
        assertEquals(new StreamEvent.Delta(ANSWER), TurnRun.next(events));
        assertInstanceOf(StreamEvent.Usage.class, TurnRun.next(events));
        assertEquals(new StreamEvent.Done("stop"), TurnRun.next(events));
        assertFalse(request(2).get("stream").asBoolean());
    }
}

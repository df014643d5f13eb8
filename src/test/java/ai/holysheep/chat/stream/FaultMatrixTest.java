package ai.holysheep.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.holysheep.chat.api.GatewayClient;
import ai.holysheep.chat.api.Sse;
import ai.holysheep.chat.config.ResumeMode;
import ai.holysheep.chat.config.RetrySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random fault schedules: every run ends with exactly the expected answer, or gives up
 * with a message after more faults than the retry budget; none hangs, none leaves a call or a
 * connection behind. {@code -Dmatrix.runs=N} sets the number of runs (60 by default).
 */
@Tag("matrix")
class FaultMatrixTest {
    static final List<String> PIECES = List.of("네트워크가", " 끊겨도", " 답변은", " 이어집니다", ". ", "Every", " character",
            " arrives", " once", ", in", " order", ": ", "한글", " 포함", ".");
    static final String ANSWER = String.join("", PIECES);
    static final int MAX_RETRIES = 3;

    enum Kind { DROP, STATUS, RATE_LIMIT, STALL, MALFORMED, ERROR_EVENT, UNMARKED_END, CR_ENDINGS }

    record Fault(Kind kind, int at, int status) {
    }

    @Test
    void everyScheduleEndsWithTheExactAnswerOrAClearGiveUp() throws Exception {
        int runs = Integer.getInteger("matrix.runs", 60);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService callThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> new Thread(r, "matrix-http-" + threads.incrementAndGet()));
        OkHttpClient http = GatewayClient.httpClient(Duration.ofSeconds(5), TurnRun.STALL_TIMEOUT)
                .dispatcher(new okhttp3.Dispatcher(callThreads)).build();
        int done = 0;
        int gaveUp = 0;
        long started = System.nanoTime();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            GatewayClient client = new GatewayClient(http, server.url("/v1").toString(), null);
            for (int run = 0; run < runs; run++) {
                Random random = new Random(run);
                ResumeMode mode = random.nextBoolean() ? ResumeMode.CONTINUE : ResumeMode.RESTART;
                List<Fault> schedule = schedule(random);
                server.setDispatcher(new Scripted(schedule));
                RetrySettings settings = new RetrySettings(MAX_RETRIES, Duration.ofMillis(500), 1.5,
                        Duration.ofSeconds(15), 0.2, TurnRun.STALL_TIMEOUT, Duration.ofSeconds(5), Duration.ofSeconds(60), mode);
                String where = "run " + run + " (" + mode + ", " + schedule + "): ";
                TurnRun.Outcome o = TurnRun.run(client, TurnRun.ASK, settings, Duration.ofSeconds(20));
                StreamEvent end = o.terminal();
                if (end instanceof StreamEvent.Done) {
                    assertEquals(ANSWER, o.text(), where + o.events());
                    done++;
                } else if (end instanceof StreamEvent.GaveUp g) {
                    assertTrue(schedule.size() > MAX_RETRIES, where + "gave up with retries left: " + o.events());
                    assertTrue(ANSWER.startsWith(o.text()), where + "what was shown is not the answer's start: " + o.text());
                    assertFalse(g.lastError().isBlank(), where);
                    gaveUp++;
                } else {
                    fail(where + "ended with " + end);
                }
                assertFalse(o.text().contains("\uFFFD"), where);
                assertNoCallLeft(http, where);
            }
        }
        http.connectionPool().evictAll();
        assertEquals(0, http.connectionPool().connectionCount(), "connections left open");
        callThreads.shutdown();
        assertTrue(callThreads.awaitTermination(10, TimeUnit.SECONDS), "call threads still busy after every run ended");
        System.out.printf("fault matrix: %d runs, %d answered, %d gave up, %d ms%n", runs, done, gaveUp,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertTrue(done > 0 && (runs < 20 || gaveUp > 0), "the matrix covers both endings: " + done + "/" + gaveUp);
    }

    /** Cancelled and failed calls leave the dispatcher shortly after; a call still running would be a leak. */
    static void assertNoCallLeft(OkHttpClient http, String where) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount() > 0) {
            if (System.nanoTime() > deadline) {
                fail(where + http.dispatcher().runningCallsCount() + " calls still running after the turn ended");
            }
            Thread.sleep(1); // polling for the dispatcher to settle, not timing anything
        }
    }

    /** Up to seven failing attempts in a row; more than the retry budget in some runs. */
    static List<Fault> schedule(Random random) {
        int faults = random.nextInt(8);
        List<Fault> out = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            if (kind == Kind.STALL && random.nextInt(3) != 0) {
                kind = Kind.DROP; // stalls cost real idle-timeout time: keep them rarer
            }
            int[] statuses = {500, 502, 503, 504, 529};
            out.add(new Fault(kind, random.nextInt(1 << 16), statuses[random.nextInt(statuses.length)]));
        }
        return out;
    }

    /** Answers like a well-behaved gateway (continuing a partial answer sent back), except where the schedule says. */
    static final class Scripted extends Dispatcher {
        private final List<Fault> schedule;
        private final AtomicInteger requests = new AtomicInteger();

        Scripted(List<Fault> schedule) {
            this.schedule = schedule;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            int n = requests.getAndIncrement();
            List<String> pieces = rest(ResumeTest.prefill(request));
            if (n >= schedule.size()) {
                return ResumeTest.sse(ResumeTest.body(pieces));
            }
            Fault f = schedule.get(n);
            String body = ResumeTest.body(pieces);
            int events = pieces.size();
            switch (f.kind()) {
                case DROP:
                    return Faults.dropAfter(body, f.at() % (body.getBytes(StandardCharsets.UTF_8).length + 1));
                case STATUS:
                    return Faults.status(f.status(), "upstream trouble");
                case RATE_LIMIT:
                    return new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(f.at() % 3))
                            .body("{\"error\":{\"message\":\"Rate limit reached\"}}").build();
                case STALL:
                    return Faults.stallMidway(body);
                case MALFORMED:
                    return ResumeTest.sse(partial(pieces, f.at() % (events + 1)).data("{\"choices\":[{\"delta\":{\"cont").body());
                case ERROR_EVENT:
                    return ResumeTest.sse(partial(pieces, f.at() % (events + 1))
                            .data("{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}").body());
                case CR_ENDINGS:
                    // CR-only line endings and a lone CR as the very last byte (the whole answer, or a
                    // part of it ending unmarked): okhttp-sse on its own spins for ever on that byte.
                    String cut = f.at() % 2 == 0 ? body : partial(pieces, events == 0 ? 0 : 1 + f.at() % events).body();
                    return ResumeTest.sse(cut.replace('\n', '\r') + "\r");
                default:
                    return ResumeTest.sse(partial(pieces, f.at() % (events + 1)).body());
            }
        }

        private static Sse partial(List<String> pieces, int count) {
            Sse sse = Sse.stream().role();
            for (String p : pieces.subList(0, count)) {
                sse.content(p);
            }
            return sse;
        }

        /** The answer's pieces after a partial answer the client sent back (all of them when none was). */
        private static List<String> rest(String prefill) {
            if (prefill == null) {
                return PIECES;
            }
            int at = 0;
            int i = 0;
            while (i < PIECES.size() && at < prefill.length()) {
                at += PIECES.get(i++).length();
            }
            if (at != prefill.length() || !ANSWER.startsWith(prefill)) {
                throw new AssertionError("the partial answer sent back is not the answer's start: " + prefill);
            }
            return PIECES.subList(i, PIECES.size());
        }
    }
}
